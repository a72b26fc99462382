"""Inherited guard (0 points) under task 2: week 10's statistics endpoint: the right numbers
from two aggregate queries, cached per user, stale after any write (task creation included, which
now writes its outbox message), and keyed by the date ("overdue" changes at midnight)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.db import count_queries

from ..conftest import MovableClock
from ..factories import V1, create_task

pytestmark = [pytest.mark.task(2), pytest.mark.points(0)]  # inherited: a guard, no points


def today() -> date:
    return datetime.now(UTC).date()


async def test_the_numbers_are_right(v2: httpx.AsyncClient) -> None:
    category = (await v2.post(f"{V1}/categories", json={"name": "Work"})).json()["id"]
    await create_task(v2, state="done", priority="high", category_id=category)
    await create_task(v2, priority="high", due_on=str(today() - timedelta(days=1)))  # overdue
    await create_task(v2, state="done", due_on=str(today() - timedelta(days=3)))  # done: not
    await create_task(v2, state="in_progress", due_on=str(today()), category_id=category)
    await create_task(v2, due_on=str(today() + timedelta(days=6)))  # due this week
    await create_task(v2, due_on=str(today() + timedelta(days=7)))  # next week

    stats = (await v2.get("/tasks/stats")).json()

    assert stats == {
        "as_of": str(today()),
        "total": 6,
        "by_status": {"todo": 3, "in_progress": 1, "done": 2},
        "by_priority": {"low": 0, "medium": 4, "high": 2},
        "overdue": 1,
        "due_this_week": 2,
        "by_category": [
            {"category_id": None, "tasks": 4},
            {"category_id": category, "tasks": 2},
        ],
        "completion_rate": pytest.approx(2 / 6),
    }


async def test_without_tasks_there_is_no_completion_rate(v2: httpx.AsyncClient) -> None:
    stats = (await v2.get("/tasks/stats")).json()
    assert (stats["total"], stats["completion_rate"], stats["by_category"]) == (0, None, [])
    assert stats["by_status"] == {"todo": 0, "in_progress": 0, "done": 0}


async def test_the_statistics_are_two_queries_then_cached(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    for _ in range(5):
        await create_task(v2)
    with count_queries(db_engine) as first:
        await v2.get("/tasks/stats")
    with count_queries(db_engine) as second:
        await v2.get("/tasks/stats")
    assert len([s for s in first.statements if "FROM tasks" in s]) == 2
    assert [s for s in second.statements if "FROM tasks" in s] == []


async def test_the_date_is_part_of_the_key(v2: httpx.AsyncClient, clock: MovableClock) -> None:
    await create_task(v2, due_on=str(today() + timedelta(days=1)))
    assert (await v2.get("/tasks/stats")).json()["overdue"] == 0
    clock.advance(timedelta(days=2))  # no write, but tomorrow's task is overdue now
    assert (await v2.get("/tasks/stats")).json()["overdue"] == 1


async def test_the_statistics_live_for_their_own_ttl(
    v2: httpx.AsyncClient, redis_url: str, settings: object
) -> None:
    import redis

    await v2.get("/tasks/stats")
    with redis.Redis.from_url(redis_url, decode_responses=True) as client:
        [key] = client.keys("tm:v1:e*:stats.tasks:*")  # an empty test database: KEYS is fine here
        assert 0 < client.ttl(key) <= 60
