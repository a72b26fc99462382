"""The app's Redis client: one bounded pool per process, with timeouts that fit a web request.

redis-py waits for a connection or a reply as long as the socket lets it by default: a Redis that
hangs would then hold every request. Here a command that has not answered in ``TIMEOUT`` has
failed, and the caller decides what that means (the cache reads PostgreSQL instead; a published
event is lost and the client resumes from its last event id). The client connects lazily, on its
first command, so the app starts even while Redis is down.
"""

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

MAX_CONNECTIONS = 50  # per process; a request waits up to TIMEOUT for a free one
TIMEOUT = 0.25  # seconds for a connection, a reply, or a free pooled connection


def make_redis(url: str) -> Redis:
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=MAX_CONNECTIONS,
        timeout=TIMEOUT,
        socket_connect_timeout=TIMEOUT,
        socket_timeout=TIMEOUT,
        retry=Retry(NoBackoff(), 1),  # once more at once: past one broken pooled connection
        decode_responses=True,
    )
    return Redis.from_pool(pool)
