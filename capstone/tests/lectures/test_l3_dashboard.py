"""Lecture 3: the dashboard's counts and weekly throughput, computed by PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest_asyncio
from capstone.lectures.l3_dashboard import (
    ProjectSummary,
    WorkTask,
    project_summary,
    weekly_throughput,
)
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

ORG = 31
TODAY = date(2026, 12, 2)  # a Wednesday; its week starts on Monday 30 November


def closed(day: int, month: int = 11, hour: int = 12) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    rows = [
        ("Website", date(2026, 11, 1), None),  # open, overdue
        ("Website", date(2026, 12, 2), None),  # open, due today: not overdue
        ("Website", None, None),  # open, no due date
        ("Website", date(2026, 11, 1), closed(30)),  # closed this week (Monday)
        ("Website", None, closed(29, hour=23)),  # Sunday 23:00 UTC: the week before
        ("Website", None, closed(16)),  # three weeks ago
        ("Mobile", date(2026, 10, 1), closed(24)),  # closed late: closed, not overdue
    ]
    async with engine.begin() as conn:
        await conn.execute(
            insert(WorkTask),
            [
                {"org_id": ORG, "project": p, "title": f"t{n}", "due_on": due, "closed_at": at}
                for n, (p, due, at) in enumerate(rows)
            ]
            + [
                {
                    "org_id": ORG + 1,
                    "project": "Other",
                    "title": "x",
                    "due_on": None,
                    "closed_at": None,
                }
            ],
        )
    yield engine
    async with engine.begin() as conn:
        await conn.execute(delete(WorkTask).where(WorkTask.org_id.in_([ORG, ORG + 1])))


async def test_open_closed_and_overdue_per_project(seeded: AsyncEngine) -> None:
    async with AsyncSession(seeded) as s:
        assert await project_summary(s, ORG, TODAY) == [
            ProjectSummary("Mobile", open=0, closed=1, overdue=0),
            ProjectSummary("Website", open=3, closed=3, overdue=1),
        ]


async def test_throughput_has_every_week_even_the_empty_ones(seeded: AsyncEngine) -> None:
    async with AsyncSession(seeded) as s:
        throughput = await weekly_throughput(s, ORG, TODAY, weeks=4)
    mondays = [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)]
    assert throughput == {
        "Mobile": list(zip(mondays, [0, 0, 1, 0], strict=True)),
        "Website": list(zip(mondays, [0, 1, 1, 1], strict=True)),
    }


async def test_another_tenant_sees_only_its_project(seeded: AsyncEngine) -> None:
    async with AsyncSession(seeded) as s:
        assert [p.project for p in await project_summary(s, ORG + 1, TODAY)] == ["Other"]
        assert list(await weekly_throughput(s, ORG + 1, TODAY, weeks=2)) == ["Other"]
