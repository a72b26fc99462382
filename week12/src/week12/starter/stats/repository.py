"""The aggregate queries behind the statistics: the expensive reads the cache protects.

Two queries, whatever the number of tasks: one row of counts (``count(*) FILTER (WHERE ...)``,
every figure in one pass over the user's tasks) and one row per category (``GROUP BY``).
"""

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..tasks.models import Priority, Task, TaskStatus
from .schemas import CategoryCount, TaskStats


class StatsRepository:
    def __init__(self, session: AsyncSession, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    async def task_stats(self, today: date) -> TaskStats:
        open_ = Task.status != TaskStatus.DONE
        week_end = today + timedelta(days=7)
        counts = (
            select(
                func.count(),
                *(func.count().filter(Task.status == status) for status in TaskStatus),
                *(func.count().filter(Task.priority == priority) for priority in Priority),
                func.count().filter(open_, Task.due_date < today),
                func.count().filter(open_, Task.due_date >= today, Task.due_date < week_end),
            )
            .select_from(Task)
            .where(Task.owner_id == self.owner_id)
        )
        row = list((await self.session.execute(counts)).one())
        total, row = row[0], row[1:]
        statuses, row = row[: len(TaskStatus)], row[len(TaskStatus) :]
        priorities, (overdue, due_this_week) = row[: len(Priority)], row[len(Priority) :]
        per_category = (
            select(Task.category_id, func.count())
            .where(Task.owner_id == self.owner_id)
            .group_by(Task.category_id)
            .order_by(func.count().desc(), Task.category_id.nulls_last())
        )
        categories = [
            CategoryCount(category_id=category_id, tasks=count)
            for category_id, count in await self.session.execute(per_category)
        ]
        by_status = dict(zip(TaskStatus, statuses, strict=True))
        return TaskStats(
            as_of=today,
            total=total,
            by_status=by_status,
            by_priority=dict(zip(Priority, priorities, strict=True)),
            overdue=overdue,
            due_this_week=due_this_week,
            by_category=categories,
            completion_rate=by_status[TaskStatus.DONE] / total if total else None,
        )
