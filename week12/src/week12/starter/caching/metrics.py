"""Hit-rate monitoring: each cache's hits, misses, errors and recompute time, counted in Redis.

Counted in Redis (``HINCRBY``/``HINCRBYFLOAT`` on one hash per cache), so every process of the app
adds to the same numbers and the admin endpoint shows the app's total, not one worker's. While
Redis is unreachable the counts wait in the process (``pending``) and go out with the next write
that succeeds: the errors of an outage are counted once it is over. (At least once: a write that
timed out may still have reached Redis, so after a hang a count can come out slightly high.)

``prometheus_text`` renders a snapshot in Prometheus' text format (version 0.0.4):
``cache_requests_total{cache="tasks.search",result="hit"} 12`` and friends.
"""

from collections import Counter
from dataclasses import dataclass

from redis.asyncio import Redis

from . import keys
from .guard import RedisGuard, RedisUnavailableError

SECONDS = "recompute_seconds"


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
        lookups = self.hits + self.misses
        return self.hits / lookups if lookups else None


class CacheMetrics:
    def __init__(self, guard: RedisGuard) -> None:
        self.guard = guard
        self.pending: Counter[tuple[str, str]] = Counter()  # (cache, field) -> not yet in Redis

    async def record(self, cache: str, **counts: float) -> None:
        """Add ``counts`` (``hits=1``, ``recompute_seconds=0.012``...) to ``cache``'s counters."""
        self.pending.update({(cache, field): value for field, value in counts.items()})
        batch, self.pending = self.pending, Counter()

        async def write(redis: Redis) -> None:
            async with redis.pipeline(transaction=False) as pipe:
                for (name, field), value in batch.items():
                    if field == SECONDS:
                        pipe.hincrbyfloat(keys.metrics(name), field, value)
                    else:
                        pipe.hincrby(keys.metrics(name), field, int(value))
                await pipe.execute()

        try:
            await self.guard(write)
        except RedisUnavailableError:
            self.pending.update(batch)  # counted when Redis is back

    async def snapshot(self) -> list[CacheStats]:
        """Every cache's counters, by name; ``RedisUnavailableError`` while Redis is down."""

        async def read(redis: Redis) -> list[CacheStats]:
            found = []
            async for key in redis.scan_iter(match=keys.METRICS_PATTERN, count=100):
                fields = await redis.hgetall(key)
                counts = {str(name): float(value) for name, value in fields.items()}
                found.append(
                    CacheStats(
                        cache=str(key).removeprefix(keys.metrics("")),
                        hits=int(counts.get("hits", 0)),
                        misses=int(counts.get("misses", 0)),
                        errors=int(counts.get("errors", 0)),
                        recomputes=int(counts.get("recomputes", 0)),
                        recompute_seconds=counts.get(SECONDS, 0.0),
                    )
                )
            return sorted(found, key=lambda stats: stats.cache)

        return await self.guard(read)


def prometheus_text(stats: list[CacheStats]) -> str:
    """The counters in Prometheus' text exposition format."""
    lines = [
        "# HELP cache_requests_total Cache lookups by result.",
        "# TYPE cache_requests_total counter",
    ]
    for s in stats:
        for result, value in (("hit", s.hits), ("miss", s.misses), ("error", s.errors)):
            lines.append(f'cache_requests_total{{cache="{s.cache}",result="{result}"}} {value}')
    lines += [
        "# HELP cache_recomputes_total Loads from the database that filled the cache.",
        "# TYPE cache_recomputes_total counter",
        *(f'cache_recomputes_total{{cache="{s.cache}"}} {s.recomputes}' for s in stats),
        "# HELP cache_recompute_seconds_total Time spent in those loads.",
        "# TYPE cache_recompute_seconds_total counter",
        *(
            f'cache_recompute_seconds_total{{cache="{s.cache}"}} {s.recompute_seconds}'
            for s in stats
        ),
    ]
    return "\n".join(lines) + "\n"
