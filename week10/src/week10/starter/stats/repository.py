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
        raise NotImplementedError("TODO: two aggregate queries")
