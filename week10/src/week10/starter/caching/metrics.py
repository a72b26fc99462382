"""Hit-rate monitoring: each cache's hits, misses, errors and recompute time, counted in Redis.

Counted in Redis (``HINCRBY``/``HINCRBYFLOAT`` on one hash per cache), so every process of the app
adds to the same numbers and the admin endpoint shows the app's total, not one worker's. While
Redis is unreachable the counts wait in the process (``pending``) and go out with the next write
that succeeds: the errors of an outage are counted once it is over. (At least once: a write that
timed out may still have reached Redis, so after a hang a count can come out slightly high.)

``prometheus_text`` renders a snapshot in Prometheus' text format (version 0.0.4):
``cache_requests_total{cache="tasks.search",result="hit"} 12`` and friends.
"""

from dataclasses import dataclass

from .guard import RedisGuard


@dataclass(frozen=True)
class CacheStats:
    cache: str
    hits: int = 0
    misses: int = 0
    errors: int = 0  # lookups that could not use Redis and went to the database
    recomputes: int = 0  # loads from the database made to fill the cache
    recompute_seconds: float = 0.0

    @property
    def hit_ratio(self) -> float | None:
        """Hits among the lookups that reached Redis; None before the first one."""
        raise NotImplementedError("TODO: hits / (hits + misses); None before any")


class CacheMetrics:
    """TODO (task 6): counters in one Redis hash per cache (``keys.metrics``), written through
    the guard; what could not be written waits in the process for the next write."""

    def __init__(self, guard: RedisGuard) -> None:
        self.guard = guard

    async def record(self, cache: str, **counts: float) -> None:
        """Add ``counts`` (``hits=1``, ``recompute_seconds=0.012``...) to ``cache``'s counters."""
        raise NotImplementedError("TODO: pending + counts, one pipeline; keep them if it fails")

    async def snapshot(self) -> list[CacheStats]:
        """Every cache's counters, by name; ``RedisUnavailableError`` while Redis is down."""
        raise NotImplementedError("TODO: SCAN and HGETALL the counters")


def prometheus_text(stats: list[CacheStats]) -> str:
    """The counters in Prometheus' text exposition format."""
    raise NotImplementedError("TODO: HELP/TYPE lines, then one sample per cache and result")
