"""The statistics, cached per user: invalidated by every task write (the owner's generation, like
the lists) and, because "overdue" changes at midnight without any write, keyed by the date and
kept only ``stats_ttl`` seconds."""

from pydantic import TypeAdapter

from ..caching.read_cache import ReadCache
from ..tasks.repository import Clock
from .repository import StatsRepository
from .schemas import TaskStats

STATS = TypeAdapter(TaskStats)


class StatsService:
    def __init__(
        self, stats: StatsRepository, cache: ReadCache, clock: Clock, ttl: int = 60
    ) -> None:
        self.stats = stats
        self.cache = cache
        self.clock = clock
        self.ttl = ttl

    async def tasks(self) -> TaskStats:
        today = self.clock().date()
        return await self.cache.get_or_load(
            "stats.tasks", {"as_of": today}, STATS, lambda: self.stats.task_stats(today), self.ttl
        )
