from datetime import UTC, datetime

from redis.asyncio import Redis
from week10.lectures import l2_cache_aside as lecture

LATER = datetime(2026, 12, 2, tzinfo=UTC)


async def test_a_miss_loads_and_stores_a_hit_skips_the_database(redis: Redis) -> None:
    db = lecture.Database(lecture.sample())
    cache = lecture.CachedTasks(redis, db)

    first = await cache.get(1)
    second = await cache.get(1)

    assert first == second
    assert db.queries == 1
    assert 0 < await redis.ttl(lecture.task_key(1)) <= 60


async def test_entries_are_pydantic_json_that_round_trips_types(redis: Redis) -> None:
    cache = lecture.CachedTasks(redis, lecture.Database(lecture.sample()))
    await cache.get(1)
    stored = await redis.get(lecture.task_key(1))
    assert stored == (
        '{"id":1,"owner_id":7,"title":"Write the report","done":false,'
        '"updated_at":"2026-12-01T09:00:00Z"}'
    )
    task = await cache.get(1)
    assert task is not None
    assert task.updated_at == datetime(2026, 12, 1, 9, tzinfo=UTC)  # a datetime again


async def test_a_write_invalidates_the_entry_and_every_list_of_the_owner(redis: Redis) -> None:
    db = lecture.Database(lecture.sample())
    cache = lecture.CachedTasks(redis, db)
    for done in (None, True, False):
        await cache.list(7, done)
    await cache.list(8)
    await cache.get(1)
    assert db.queries == 5

    await cache.save(lecture.Task(id=1, owner_id=7, title="Changed", done=True, updated_at=LATER))

    task = await cache.get(1)
    assert task is not None
    assert task.title == "Changed"
    assert [len(await cache.list(7, done)) for done in (None, True, False)] == [2, 2, 0]
    assert db.queries == 9  # the entry and the owner's three lists were read again
    await cache.list(8)
    assert db.queries == 9  # another owner's list was not invalidated


async def test_a_missing_task_is_not_cached(redis: Redis) -> None:
    db = lecture.Database(lecture.sample())
    cache = lecture.CachedTasks(redis, db)
    assert await cache.get(99) is None
    assert await redis.exists(lecture.task_key(99)) == 0


def test_the_same_filters_give_the_same_digest_in_any_order() -> None:
    assert lecture.digest({"a": 1, "b": None}) == lecture.digest({"b": None, "a": 1})
    assert lecture.digest({"a": 1}) != lecture.digest({"a": 2})
    assert len(lecture.digest({"title": "x:y z" * 100})) == 16  # user text never reaches the key


async def test_the_demo_tells_hits_from_misses(redis: Redis) -> None:
    log = await lecture.demo(redis)
    assert log[0] == "get 1: 1 queries -> Write the report"
    assert log[1] == "get 1 again: 0 queries -> Write the report"
    assert log[3] == "get 1 after a write: 1 queries -> Write the final report"
    assert "list done=None after a new task: 1 queries -> 3 tasks" in log
