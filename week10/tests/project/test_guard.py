"""Task 2: the Redis guard: failures become RedisUnavailableError, a breaker stops retrying for a
while, and Redis is not trusted again after missed writes until the recoveries ran."""

from __future__ import annotations

import time
from typing import Any

import pytest

from testkit.services.redis import ThrowawayRedis

from .caching import Parts, module

pytestmark = pytest.mark.task(2)


def unavailable() -> type[Exception]:
    error: type[Exception] = module("caching.guard").RedisUnavailableError
    return error


async def test_results_pass_through(cache: Parts) -> None:
    assert await cache.guard(lambda r: r.set("k", "v")) is True
    assert await cache.guard(lambda r: r.get("k")) == "v"
    assert cache.guard.state == "closed"


@pytest.mark.points(2)
async def test_a_stopped_redis_is_unavailable_then_skipped_until_the_retry(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    await outage.guard(lambda r: r.ping())
    outage_redis.stop()
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.get("k"))
    assert outage.guard.state == "open"
    outage_redis.start()
    with pytest.raises(unavailable()):  # back, but the breaker skips it for a moment
        await outage.guard(lambda r: r.get("k"))
    outage.clock.advance(2.0)
    assert await outage.guard(lambda r: r.get("k")) is None  # tried again: works
    assert outage.guard.state == "closed"


@pytest.mark.points(2)
async def test_while_open_nobody_waits_for_a_hanging_redis(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    await outage.guard(lambda r: r.ping())
    outage_redis.pause()
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.get("k"))  # this one waits for the timeout
    started = time.perf_counter()
    for _ in range(20):
        with pytest.raises(unavailable()):
            await outage.guard(lambda r: r.get("k"))
    assert time.perf_counter() - started < 0.1  # the others fail at once
    outage_redis.resume()


@pytest.mark.points(3)
async def test_after_a_missed_write_the_recoveries_run_once_before_redis_is_used(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    seen: list[str] = []

    async def recovery(redis: Any) -> None:
        seen.append("recovered")
        await redis.set("recovered", "yes")

    outage.guard.on_recovery(recovery)
    await outage.guard(lambda r: r.ping())
    outage_redis.pause()  # a hang: the data survives, the write is lost
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.incr("generation"), write=True)
    outage_redis.resume()
    outage.clock.advance(2.0)
    assert await outage.guard(lambda r: r.get("recovered")) == "yes"  # recovery ran first
    assert await outage.guard(lambda r: r.get("recovered")) == "yes"
    assert seen == ["recovered"]


async def test_a_failed_read_needs_no_recovery(outage: Parts, outage_redis: ThrowawayRedis) -> None:
    seen: list[str] = []

    async def recovery(redis: Any) -> None:
        seen.append("recovered")

    outage.guard.on_recovery(recovery)
    await outage.guard(lambda r: r.ping())
    outage_redis.stop()
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.get("k"))
    outage_redis.start()
    outage.clock.advance(2.0)
    await outage.guard(lambda r: r.ping())
    assert seen == []


async def test_a_write_skipped_by_the_open_breaker_is_a_missed_write_too(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    seen: list[str] = []

    async def recovery(redis: Any) -> None:
        seen.append("recovered")

    outage.guard.on_recovery(recovery)
    outage_redis.stop()
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.get("k"))  # opens the breaker
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.incr("generation"), write=True)  # skipped: missed
    outage_redis.start()
    outage.clock.advance(2.0)
    await outage.guard(lambda r: r.ping())
    assert seen == ["recovered"]


async def test_an_error_of_the_caller_does_not_leave_the_breaker_half_open(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    outage_redis.stop()
    with pytest.raises(unavailable()):
        await outage.guard(lambda r: r.get("k"))
    outage_redis.start()
    outage.clock.advance(2.0)

    async def broken(redis: Any) -> None:
        await redis.ping()
        raise ValueError("the caller's bug")

    with pytest.raises(ValueError, match="the caller's bug"):
        await outage.guard(broken)  # the half-open trial: Redis answered
    assert await outage.guard(lambda r: r.ping()) is True
