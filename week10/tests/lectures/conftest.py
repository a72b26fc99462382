"""Lecture fixtures: clients on the session's Redis, emptied before each test.

A test that reads server-wide figures (``INFO``, ``CLIENT LIST``) takes ``own_redis_url``: a server
of its own, since the session's may be shared with other test sessions (other database indexes of
the same server) whose commands and connections would count too.
"""

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from redis import Redis as SyncRedis
from redis.asyncio import Redis

from testkit.services.redis import ThrowawayRedis


@pytest.fixture
def r(redis_url: str) -> Iterator[SyncRedis]:
    client = SyncRedis.from_url(redis_url, decode_responses=True)
    client.flushdb()
    yield client
    client.close()


@pytest_asyncio.fixture(loop_scope="session")
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url, decode_responses=True)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def own_redis_url(redis_server: ThrowawayRedis) -> str:
    return redis_server.url()
