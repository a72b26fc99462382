"""The app's Redis client: the configured server, answers decoded, and a short timeout."""

import time
from typing import Any

import pytest
from redis.exceptions import TimeoutError as RedisTimeout

from testkit import impl_module
from testkit.services.redis import ThrowawayRedis

pytestmark = pytest.mark.task(0)
redis_client = impl_module("capstone", "redis_client")


async def test_the_app_talks_to_the_configured_redis(app: Any) -> None:
    redis = app.state.redis
    await redis.set("capstone:probe", "here", ex=5)
    assert await redis.get("capstone:probe") == "here"


async def test_a_hung_redis_fails_fast(reused_redis_server: ThrowawayRedis) -> None:
    client = redis_client.make_redis(reused_redis_server.url())
    try:
        assert await client.ping()
        reused_redis_server.pause()
        started = time.monotonic()
        with pytest.raises(RedisTimeout):
            await client.get("anything")
        assert time.monotonic() - started < 2.0  # two tries of 0.25 s, not redis-py's minutes
    finally:
        reused_redis_server.resume()
        await client.aclose()
