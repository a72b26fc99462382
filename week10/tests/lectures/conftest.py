"""Lecture fixtures: clients on the session's Redis, emptied before each test."""

from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from redis import Redis as SyncRedis
from redis.asyncio import Redis


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
