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

from redis.asyncio import Redis

from ..resilience.breaker import CircuitBreaker

T = TypeVar("T")
Operation = Callable[[Redis], Awaitable[T]]
Recovery = Callable[[Redis], Awaitable[object]]


class RedisUnavailableError(Exception):
    """Redis cannot be used right now (down, hanging, or the breaker is open): degrade."""


class RedisGuard:
    """TODO (task 2): the app's one way to Redis. Keep what you need to know: the breaker's
    verdict, whether a write was missed, the recoveries registered, failures since start (log
    each failure: structlog, as in week 7)."""

    def __init__(self, redis: Redis, breaker: CircuitBreaker) -> None:
        self.redis = redis
        self.breaker = breaker

    def on_recovery(self, action: Recovery) -> None:
        """Run ``action`` when Redis is reachable again after a write was missed."""
        raise NotImplementedError("TODO: remember the action")

    async def __call__(self, operation: Operation[T], *, write: bool = False) -> T:
        """``operation(redis)``'s result, or ``RedisUnavailableError``. ``write=True`` for commands
        whose loss leaves Redis stale (it makes the guard run the recoveries later)."""
        raise NotImplementedError("TODO: breaker, recoveries, the operation")

    @property
    def state(self) -> str:
        """``closed`` (in use), ``open`` (skipped for now) or ``half_open`` (being tried)."""
        return self.breaker.state.value
