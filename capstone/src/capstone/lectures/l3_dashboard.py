"""An admin dashboard from aggregation queries (lecture 3).

One round trip per panel, computed by PostgreSQL where the rows are, never by loading every task
into Python:

- ``project_summary``: per project, open/closed/overdue with ``count(*) FILTER (WHERE ...)``,
  several counts in one scan (three queries with a ``WHERE`` each would read the rows three times);
- ``weekly_throughput``: tasks closed per project per week over the last N weeks. Weeks with no
  closed task must show 0, not vanish: the weeks come from ``generate_series`` and the tasks are
  LEFT JOINed to them. Weeks are cut in UTC (``date_trunc('week', ts, 'UTC')``), not in the
  database session's time zone, so the numbers do not depend on the server's configuration.

``today`` is a parameter: "overdue" is relative to a date, and tests need to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, DateTime, String, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from capstone.lectures.db import Base


class WorkTask(Base):
    __tablename__ = "lec_work_tasks"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[int] = mapped_column(BigInteger, index=True)
    project: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class ProjectSummary:
    project: str
    open: int
    closed: int
    overdue: int


async def project_summary(session: AsyncSession, org_id: int, today: date) -> list[ProjectSummary]:
    is_open = WorkTask.closed_at.is_(None)
    query = (
        select(
            WorkTask.project,
            func.count().filter(is_open),
            func.count().filter(~is_open),
            func.count().filter(is_open, WorkTask.due_on < today),
        )
        .where(WorkTask.org_id == org_id)
        .group_by(WorkTask.project)
        .order_by(WorkTask.project)
    )
    return [ProjectSummary(*row) for row in await session.execute(query)]


THROUGHPUT = text("""
    WITH weeks AS (
        SELECT generate_series(
            date_trunc('week', CAST(:today AS timestamp)) - (:weeks - 1) * interval '1 week',
            date_trunc('week', CAST(:today AS timestamp)),
            interval '1 week'
        ) AS week
    ),
    projects AS (SELECT DISTINCT project FROM lec_work_tasks WHERE org_id = :org_id)
    SELECT p.project, CAST(w.week AS date) AS week, count(t.id) AS closed
    FROM projects p
    CROSS JOIN weeks w
    LEFT JOIN lec_work_tasks t
        ON t.org_id = :org_id
        AND t.project = p.project
        AND date_trunc('week', t.closed_at, 'UTC') = w.week
    GROUP BY p.project, w.week
    ORDER BY p.project, w.week
""")


async def weekly_throughput(
    session: AsyncSession, org_id: int, today: date, weeks: int = 4
) -> dict[str, list[tuple[date, int]]]:
    """``{"Website": [(monday, closed), ...]}``, oldest week first, every week present."""
    rows = await session.execute(THROUGHPUT, {"org_id": org_id, "today": today, "weeks": weeks})
    result: dict[str, list[tuple[date, int]]] = {}
    for project, week, closed in rows:
        result.setdefault(project, []).append((week, closed))
    return result
