"""Building the caching layer's parts for the tests, from the selected implementation."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from testkit import impl_module
from testkit.fake_upstream import FakeClock


def module(name: str) -> Any:
    return impl_module("week11", name)


@dataclass
class Parts:
    """A client, its guard (breaker on a fake clock), metrics and a request's after-commit list."""

    redis: Any
    guard: Any
    metrics: Any
    after_commit: Any
    clock: FakeClock

    def read_cache(self, owner_id: int = 7, **policy: Any) -> Any:
        read_cache = module("caching.read_cache")
        return read_cache.ReadCache(
            self.guard,
            self.metrics,
            self.after_commit,
            owner_id,
            read_cache.CachePolicy(**policy),
        )

    async def commit(self) -> None:
        """What ``get_session`` does after a successful commit."""
        await self.after_commit.run()


def parts(url: str, timeout: float = 0.25, retry_after: float = 2.0) -> Parts:
    clients = module("caching.redis_client")
    settings = clients.RedisSettings(url=url, timeout=timeout, retry_after=retry_after)
    redis = clients.make_redis(settings)
    clock = FakeClock()
    breaker = module("resilience.breaker").CircuitBreaker(
        "redis", threshold=1, reset_timeout=retry_after, now=clock
    )
    guard = module("caching.guard").RedisGuard(redis, breaker)
    guard.on_recovery(module("caching.read_cache").forget_everything)  # as the app's lifespan does
    metrics = module("caching.metrics").CacheMetrics(guard)
    return Parts(redis, guard, metrics, module("after_commit").AfterCommit(), clock)


class SlowQuery:
    """A database read the cache protects: counts its calls, takes ``seconds``."""

    def __init__(self, value: Any, seconds: float = 0.0) -> None:
        self.value = value
        self.seconds = seconds
        self.calls = 0

    async def __call__(self) -> Any:
        self.calls += 1
        await asyncio.sleep(self.seconds)  # stands for the query's work
        return self.value
