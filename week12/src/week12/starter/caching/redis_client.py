"""The app's Redis client: one bounded pool per process, with timeouts that fit a web request.

redis-py waits 5 s for a connection or a reply by default: a Redis that hangs would then hold every
request for 5 s. Here a command that has not answered in ``timeout`` has failed (the guard then
serves from PostgreSQL), and the breaker stops trying for ``retry_after`` seconds.
"""

from dataclasses import dataclass

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from ..resilience.breaker import CircuitBreaker
from .guard import RedisGuard

DEV_REDIS_URL = "redis://127.0.0.1:63799/0"  # `make services-up`; REDIS_URL overrides it


@dataclass(frozen=True)
class RedisSettings:
    url: str = DEV_REDIS_URL
    max_connections: int = 50  # per process; a request waits up to `timeout` for a free one
    timeout: float = 0.25  # seconds for a connection, a reply, or a free pooled connection
    retry_after: float = 2.0  # after a failure, skip Redis this long before trying again


def make_redis(settings: RedisSettings) -> Redis:
    pool = BlockingConnectionPool.from_url(
        settings.url,
        max_connections=settings.max_connections,
        timeout=settings.timeout,
        socket_connect_timeout=settings.timeout,
        socket_timeout=settings.timeout,
        retry=Retry(NoBackoff(), 1),  # once more at once: past one broken pooled connection
        decode_responses=True,
    )
    return Redis.from_pool(pool)


def make_guard(redis: Redis, settings: RedisSettings) -> RedisGuard:
    breaker = CircuitBreaker("redis", threshold=1, reset_timeout=settings.retry_after)
    return RedisGuard(redis, breaker)
