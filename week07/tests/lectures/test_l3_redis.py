from collections.abc import AsyncIterator

import pytest_asyncio
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l3_redis as lecture


@pytest_asyncio.fixture(loop_scope="session")
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url, decode_responses=True)
    await lecture.clear(client)
    yield client
    await lecture.clear(client)
    await client.aclose()


async def test_string_counter_hash_and_set(redis: Redis) -> None:
    assert [await lecture.count_visit(redis, "/") for _ in range(3)] == [1, 2, 3]
    assert await lecture.save_profile(redis, 1, "Ada", "free") == {
        "name": "Ada",
        "plan": "team",
    }
    assert await lecture.unique_visitors(redis, ["a", "b", "a", "c"]) == 3


async def test_list_is_a_fifo_queue(redis: Redis) -> None:
    assert await lecture.queue_round_trip(redis, ["j1", "j2", "j3"]) == ["j1", "j2", "j3"]


async def test_sorted_set_leaderboard(redis: Redis) -> None:
    top = await lecture.top(redis, {"ann": 30, "bob": 50, "cy": 10}, 2)
    assert top == [("bob", 50.0), ("ann", 30.0)]


async def test_pubsub_delivers_to_current_subscribers_only(redis: Redis) -> None:
    assert await redis.publish("week07:nobody", "lost") == 0  # nobody listening: gone
    assert await lecture.publish_and_receive(redis, "week07:news", "hi") == (1, "hi")


async def test_the_leaderboard_reads_with_zrange_rev_not_the_deprecated_zrevrange(
    redis: Redis,
) -> None:
    await redis.config_resetstat()
    await lecture.top(redis, {"ann": 1}, 1)
    stats = await redis.info("commandstats")
    assert "cmdstat_zrange" in stats
    assert "cmdstat_zrevrange" not in stats


async def test_leaderboard_is_rebuilt_from_postgresql(scratch: AsyncEngine, redis: Redis) -> None:
    async with scratch.begin() as conn:
        for statement in lecture.TASKS.split(";\n"):
            await conn.execute(text(statement))
    board = await lecture.rebuild_leaderboard(scratch, redis)
    assert board == [("ada", 15.0), ("grace", 10.0), ("alan", 5.0)]
    async with scratch.begin() as conn:  # the truth changes; the view follows on rebuild
        await conn.execute(text("UPDATE done_tasks SET owner = 'alan' WHERE owner = 'grace'"))
    assert await lecture.rebuild_leaderboard(scratch, redis) == [("alan", 15.0), ("ada", 15.0)]
