"""``RedisGuard``: the app's one way to Redis, and what it does while Redis is down (lecture 3).

Every feature runs its Redis commands through the guard: ``await guard(lambda r: r.get(key))``.
The guard turns every Redis failure into one exception, ``RedisUnavailableError``, which each feature
answers its own way (the cache bypasses itself, the deny-list asks PostgreSQL). It adds:

- **a circuit breaker** (week 8's): after a failure, Redis is not tried again for a moment; the
  requests meanwhile degrade at once instead of each waiting for a timeout;
- **recovery after missed writes**: a *write* that failed (an invalidation, a revocation) leaves
  Redis stale, because the data it should have changed is still there if Redis kept it (a network
  partition, a hang). The guard remembers that, and before it lets anyone use Redis again it runs
  the recovery actions the features registered (``on_recovery``): drop the whole cache, distrust
  the deny-list until it is rebuilt.
"""

from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from ..resilience.breaker import CircuitBreaker
from ..resilience.errors import CircuitOpenError

T = TypeVar("T")
Operation = Callable[[Redis], Awaitable[T]]
Recovery = Callable[[Redis], Awaitable[object]]

logger = structlog.get_logger(__name__)


class RedisUnavailableError(Exception):
    """Redis cannot be used right now (down, hanging, or the breaker is open): degrade."""


class RedisGuard:
    def __init__(self, redis: Redis, breaker: CircuitBreaker) -> None:
        self.redis = redis
        self.breaker = breaker
        self.missed_writes = False  # a write failed: run the recoveries before trusting Redis
        self.recoveries: list[Recovery] = []
        self.failures = 0  # since the process started

    def on_recovery(self, action: Recovery) -> None:
        """Run ``action`` when Redis is reachable again after a write was missed."""
        self.recoveries.append(action)

    async def __call__(self, operation: Operation[T], *, write: bool = False) -> T:
        """``operation(redis)``'s result, or ``RedisUnavailableError``. ``write=True`` for commands
        whose loss leaves Redis stale (it makes the guard run the recoveries later)."""
        try:
            self.breaker.before_call()
        except CircuitOpenError:
            self.missed_writes = self.missed_writes or write
            raise RedisUnavailableError from None
        try:
            if self.missed_writes:
                await self._recover()
            result = await operation(self.redis)
        except RedisError as exc:
            self.breaker.record_failure()
            self.missed_writes = self.missed_writes or write
            self.failures += 1
            logger.warning("redis unavailable", error=f"{type(exc).__name__}: {exc}", write=write)
            raise RedisUnavailableError from exc
        except BaseException:
            self.breaker.record_success()  # Redis answered; what went wrong is the caller's
            raise
        self.breaker.record_success()
        return result

    async def _recover(self) -> None:
        for action in self.recoveries:
            await action(self.redis)
        self.missed_writes = False
        logger.info("redis recovered after missed writes", actions=len(self.recoveries))

    @property
    def state(self) -> str:
        """``closed`` (in use), ``open`` (skipped for now) or ``half_open`` (being tried)."""
        return self.breaker.state.value
