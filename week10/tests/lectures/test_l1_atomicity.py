from redis.asyncio import Redis
from week10.lectures import l1_atomicity as lecture


async def test_read_modify_write_loses_updates_and_incr_does_not(redis: Redis) -> None:
    counts = await lecture.lost_updates(redis, clients=50)
    assert counts["INCR"] == 50
    assert counts["GET + SET"] < 50


async def test_a_pipeline_returns_every_reply_in_order(redis: Redis) -> None:
    times = await lecture.round_trips(redis, commands=200)
    assert times["last reply"] == 200
    assert await redis.get("one-by-one") == await redis.get("pipelined") == "200"


async def test_multi_does_not_roll_back_when_one_command_fails(redis: Redis) -> None:
    result = await lecture.no_rollback(redis)
    assert result == {"replies": ["bool", "ResponseError", "bool"], "a": "1", "b": "2"}


async def test_watch_never_overdraws_and_retries_on_conflicts(redis: Redis) -> None:
    result = await lecture.overdraw(redis, use_lua=False)
    assert result["succeeded"] == 10
    assert (result["alice"], result["bob"]) == (0, 100)
    assert result["retries"] > 0  # concurrent transfers did collide


async def test_a_lua_script_never_overdraws_without_retries(redis: Redis) -> None:
    result = await lecture.overdraw(redis, use_lua=True)
    assert result == {"succeeded": 10, "alice": 0, "bob": 100, "retries": 0}
