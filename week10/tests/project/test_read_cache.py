"""Tasks 4 and 5: cache-aside with generations, invalidated after the commit; one recompute for a
burst of requests at a missing entry (the stampede lock); degradation when Redis is gone."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from testkit.services.redis import ThrowawayRedis

from .caching import Parts, SlowQuery


class Row(BaseModel):
    id: int
    title: str
    at: datetime


ROWS = TypeAdapter(list[Row])
DATA = [Row(id=1, title="Write", at=datetime(2026, 12, 1, 9, tzinfo=UTC))]


async def read(cache: Any, query: SlowQuery, params: dict[str, Any] | None = None) -> Any:
    return await cache.get_or_load("tasks.search", params or {"status": None}, ROWS, query)


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_a_miss_loads_once_and_a_hit_skips_the_database(cache: Parts) -> None:
    reads, query = cache.read_cache(), SlowQuery(DATA)

    first, second = await read(reads, query), await read(reads, query)

    assert first == second == DATA  # the same types back: datetimes, not strings
    assert query.calls == 1
    [stats] = await cache.metrics.snapshot()
    assert (stats.hits, stats.misses, stats.recomputes) == (1, 1, 1)


@pytest.mark.task(4)
async def test_entries_live_for_the_ttl(cache: Parts) -> None:
    await read(cache.read_cache(ttl=90), SlowQuery(DATA))
    [key] = [k async for k in cache.redis.scan_iter("tm:v1:e*")]
    assert key.startswith("tm:v1:e0:owner:7:g0:tasks.search:")
    assert 85 <= await cache.redis.ttl(key) <= 90


@pytest.mark.task(4)
async def test_each_query_and_each_owner_has_its_own_entry(cache: Parts) -> None:
    query = SlowQuery(DATA)
    await read(cache.read_cache(owner_id=7), query, {"status": "done"})
    await read(cache.read_cache(owner_id=7), query, {"status": "todo"})
    await read(cache.read_cache(owner_id=8), query, {"status": "done"})
    await read(cache.read_cache(owner_id=7), query, {"status": "done"})
    assert query.calls == 3


@pytest.mark.task(4)
@pytest.mark.points(3)
async def test_a_write_invalidates_the_owners_reads_only_after_the_commit(cache: Parts) -> None:
    reads, query = cache.read_cache(owner_id=7), SlowQuery(DATA)
    others, other_query = cache.read_cache(owner_id=8), SlowQuery(DATA)
    await read(reads, query, {"status": "done"})
    await read(reads, query, {"status": "todo"})
    await read(others, other_query)

    reads.invalidate()
    reads.invalidate()  # several writes in one request: one invalidation
    await read(reads, query, {"status": "done"})
    assert query.calls == 2  # not yet: the transaction has not committed

    await cache.commit()
    await read(reads, query, {"status": "done"})
    await read(reads, query, {"status": "todo"})
    await read(others, other_query)
    assert query.calls == 4  # both of the owner's queries loaded again
    assert other_query.calls == 1  # another owner's reads were not touched
    assert await cache.redis.get("tm:v1:owner:7:generation") == "1"


@pytest.mark.task(4)
async def test_a_rolled_back_request_invalidates_nothing(cache: Parts) -> None:
    reads, query = cache.read_cache(), SlowQuery(DATA)
    await read(reads, query)
    reads.invalidate()  # and then the transaction rolls back: get_session runs no hook
    await read(cache.read_cache(), query)  # the next request
    assert query.calls == 1


@pytest.mark.task(4)
async def test_an_unreadable_entry_is_a_miss_not_an_error(cache: Parts) -> None:
    reads, query = cache.read_cache(), SlowQuery(DATA)
    await read(reads, query)
    [key] = [k async for k in cache.redis.scan_iter("tm:v1:e*")]
    await cache.redis.set(key, '[{"id": "not a number"}]')  # an old shape, a corrupt value
    assert await read(reads, query) == DATA
    assert query.calls == 2
    assert await read(reads, query) == DATA  # stored again, readable
    assert query.calls == 2


@pytest.mark.task(5)
@pytest.mark.points(5)
async def test_a_burst_at_a_missing_entry_recomputes_once(cache: Parts) -> None:
    query = SlowQuery(DATA, seconds=0.1)
    await asyncio.gather(*(cache.redis.ping() for _ in range(30)))  # a warm pool, as in an app

    results = await asyncio.gather(*(read(cache.read_cache(), query) for _ in range(30)))

    assert query.calls == 1
    assert all(result == DATA for result in results)
    assert await cache.redis.exists("tm:v1:e0:owner:7:g0:tasks.search:lock") == 0  # released


@pytest.mark.task(5)
@pytest.mark.points(3)
async def test_a_burst_after_an_invalidation_recomputes_once(cache: Parts) -> None:
    reads, query = cache.read_cache(), SlowQuery(DATA, seconds=0.1)
    await read(reads, query)
    reads.invalidate()
    await cache.commit()

    await asyncio.gather(*(read(cache.read_cache(), query) for _ in range(30)))

    assert query.calls == 2


@pytest.mark.task(5)
async def test_a_lock_whose_holder_died_expires_and_a_waiter_takes_over(cache: Parts) -> None:
    reads, query = cache.read_cache(lock_ms=5000, wait=5.0), SlowQuery(DATA)
    key = await reads.key("tasks.search", {"status": None})
    await cache.redis.set(f"{key}:lock", "a crashed holder", px=100)
    assert await read(reads, query) == DATA
    assert query.calls == 1


@pytest.mark.task(5)
async def test_a_failed_load_releases_the_lock_and_the_error_reaches_the_caller(
    cache: Parts,
) -> None:
    reads = cache.read_cache()

    async def broken() -> list[Row]:
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError, match="database down"):
        await reads.get_or_load("tasks.search", {}, ROWS, broken)
    assert [k async for k in cache.redis.scan_iter("*:lock")] == []


@pytest.mark.task(5)
async def test_a_waiter_loads_itself_when_the_holder_is_too_slow(cache: Parts) -> None:
    reads, query = cache.read_cache(wait=0.05), SlowQuery(DATA)
    key = await reads.key("tasks.search", {"status": None})
    await cache.redis.set(f"{key}:lock", "a slow holder", px=5000)
    assert await read(reads, query) == DATA  # not an error: the database answered
    assert query.calls == 1


@pytest.mark.task(4)
@pytest.mark.points(3)
async def test_without_redis_every_read_comes_from_the_database(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    reads, query = outage.read_cache(), SlowQuery(DATA)
    await read(reads, query)
    outage_redis.stop()

    assert [await read(reads, query) for _ in range(3)] == [DATA] * 3
    assert query.calls == 4
    reads.invalidate()
    await outage.commit()  # the INCR fails: no error for the request

    outage_redis.start()
    outage.clock.advance(2.0)
    await read(reads, query)
    await read(reads, query)
    assert query.calls == 5  # reconnected: cached again
    [stats] = await outage.metrics.snapshot()
    assert stats.errors >= 3


@pytest.mark.task(4)
@pytest.mark.points(3)
async def test_writes_missed_during_a_hang_never_let_a_stale_entry_be_served(
    outage: Parts, outage_redis: ThrowawayRedis
) -> None:
    reads, query = outage.read_cache(), SlowQuery(DATA)
    await read(reads, query)  # cached
    outage_redis.pause()  # Redis hangs: it keeps its data, entries and generations
    await read(reads, query)  # times out (served from the database): the breaker opens
    reads.invalidate()
    await outage.commit()  # the INCR is never sent: the breaker is open
    outage_redis.resume()
    outage.clock.advance(2.0)

    query.value = [Row(id=1, title="Written during the hang", at=DATA[0].at)]
    assert await read(reads, query) == query.value  # the old entry is never served again
