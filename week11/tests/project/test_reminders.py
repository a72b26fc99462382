"""Task 7: Beat's schedule: due-date reminders every morning, through the outbox, one per task
and day however often the job runs."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module

pytestmark = [pytest.mark.task(7), pytest.mark.points(2)]

jobs = impl_module("week11", "pipeline.jobs")
models = impl_module("week11", "pipeline.models")
worker = impl_module("week11", "pipeline.worker")
TODAY = date(2031, 3, 4)  # far from the other tests' tasks (no due date)


def schedule_entry(name: str) -> dict[str, Any]:
    schedule = worker.app.conf.beat_schedule or {}
    assert name in schedule, f"no entry {name!r} in the app's beat_schedule"
    return dict(schedule[name])


def next_run(entry: str, after: datetime) -> datetime:
    start, delta, _now = schedule_entry(entry)["schedule"].remaining_delta(after)
    return start + delta  # type: ignore[no-any-return]


def test_the_reminders_run_every_morning_at_seven() -> None:
    entry = schedule_entry("due-reminders")
    assert entry["task"] == "pipeline.due_reminders"
    after = datetime(2026, 12, 2, 7, 30, tzinfo=UTC)
    assert next_run("due-reminders", after) == datetime(2026, 12, 3, 7, 0, tzinfo=UTC)


def test_the_relay_runs_every_few_seconds() -> None:
    entry = schedule_entry("relay-outbox")
    assert entry["task"] == "pipeline.relay"
    assert timedelta(seconds=entry["schedule"]) <= timedelta(seconds=10)


async def add_task(session: AsyncSession, owner: int, title: str, due: date, state: str) -> int:
    insert = text(
        "INSERT INTO tasks (owner_id, title, status, priority, due_date) "
        "VALUES (:owner, :title, :state, 'low', :due) RETURNING id"
    )
    params = {"owner": owner, "title": title, "state": state, "due": due}
    return int((await session.execute(insert, params)).scalar_one())


async def test_one_reminder_per_open_task_due_tomorrow(
    sessionmaker: async_sessionmaker[AsyncSession], member: int
) -> None:
    async with sessionmaker() as session:
        due = await add_task(session, member, "Pay rent", TODAY + timedelta(days=1), "todo")
        await add_task(session, member, "Done already", TODAY + timedelta(days=1), "done")
        await add_task(session, member, "Later", TODAY + timedelta(days=2), "todo")
        await session.commit()

    assert await jobs.due_reminders(sessionmaker, TODAY) == 1
    assert await jobs.due_reminders(sessionmaker, TODAY) == 1  # Beat ran it twice

    async with sessionmaker() as session:
        messages = list(await session.scalars(select(models.OutboxMessage)))
    assert {message.payload["key"] for message in messages} == {f"due:{due}:2031-03-05"}
    assert messages[0].payload["data"] == {
        "task_id": str(due), "title": "Pay rent", "due_date": "2031-03-05"
    }  # fmt: skip
