from redis.asyncio import Redis
from week10.lectures import l3_degradation as lecture

from testkit.services.redis import ThrowawayRedis


async def test_each_feature_degrades_as_decided() -> None:
    rows = await lecture.outage()

    assert rows["up"] == {
        "cache": "hit",
        "rate limit": "allowed",
        "stolen token": "rejected: revoked (401)",
        "fresh token": "accepted",
    }
    down = rows["down"]
    assert down["cache"] == "served from the database (cache bypassed)"
    assert down["rate limit"] == "allowed, not counted (fail open)"
    assert (
        down["stolen token"] == down["fresh token"] == "rejected: cannot check (fail closed, 503)"
    )
    back = rows["back (empty)"]
    assert back["cache"] == "miss: loaded, cached if possible"  # the same client reconnected
    assert back["stolen token"] == "accepted"  # the restarted server forgot the deny-list


async def test_a_hung_server_costs_the_socket_timeout_per_try() -> None:
    took = await lecture.hung_server_costs(socket_timeout=0.1)
    assert 0.2 <= took < 1.0  # two tries of 0.1 s, not redis-py's default 5 s


async def test_a_refused_connection_fails_fast(reused_redis_server: ThrowawayRedis) -> None:
    redis = lecture.resilient_client(reused_redis_server.url())
    features = lecture.Features(redis, lecture.Database())
    reused_redis_server.stop()
    assert await features.report() == "served from the database (cache bypassed)"
    assert features.db.queries == 1
    await redis.aclose()


def test_redis_py_waits_five_seconds_by_default() -> None:
    assert lecture.default_timeouts() == {"socket_connect_timeout": 5, "socket_timeout": 5}


async def test_a_full_redis_refuses_the_write_back_and_the_answer_stands(
    redis_server: ThrowawayRedis,  # a server of its own: CONFIG SET outlives a reset
) -> None:
    redis: Redis = lecture.resilient_client(redis_server.url())
    await redis.config_set("maxmemory", 1)  # full: reads work, writes get an OOM error
    features = lecture.Features(redis, lecture.Database())
    assert await features.report() == "miss: loaded, cached if possible"
    assert await redis.get("report") is None  # it was not cached after all
    assert features.db.queries == 1
    await redis.aclose()
