from redis.asyncio import Redis
from week10.lectures import l3_rate_limits as lecture


async def test_atomic_limiters_admit_exactly_the_limit_under_concurrency(redis: Redis) -> None:
    assert await lecture.concurrent(lecture.FixedWindow(redis, 10, 1.0), requests=50) == 10
    assert await lecture.concurrent(lecture.SlidingWindow(redis, 10, 1.0), requests=50) == 10


async def test_a_racy_check_then_increment_admits_more(redis: Redis) -> None:
    assert await lecture.concurrent(lecture.Racy(redis, 10), requests=50) > 10


async def test_a_fixed_window_admits_twice_the_limit_around_a_boundary(redis: Redis) -> None:
    assert await lecture.boundary_burst(lecture.FixedWindow(redis, 10, 1.0), 10) == 20


async def test_a_sliding_window_holds_the_limit_over_any_window(redis: Redis) -> None:
    assert await lecture.boundary_burst(lecture.SlidingWindow(redis, 10, 1.0), 10) == 10


async def test_a_refusal_says_when_to_retry(redis: Redis) -> None:
    fixed = lecture.FixedWindow(redis, 2, 60)
    sliding = lecture.SlidingWindow(redis, 2, 60)
    for limiter in (fixed, sliding):
        first = await limiter.hit("ada", now=6000.0)
        await limiter.hit("ada", now=6010.0)
        refused = await limiter.hit("ada", now=6030.0)
        assert (first.allowed, first.remaining) == (True, 1)
        assert not refused.allowed
    assert (await fixed.hit("ada", now=6030.0)).retry_after == 30.0  # the window ends at 6060
    assert (await sliding.hit("ada", now=6030.0)).retry_after == 30.0  # the first leaves at 6060


async def test_the_sliding_window_admits_again_once_old_requests_leave(redis: Redis) -> None:
    limiter = lecture.SlidingWindow(redis, 2, 1.0)
    assert [(await limiter.hit("ada", now=t)).allowed for t in (10.0, 10.5, 10.9, 11.01)] == [
        True,
        True,
        False,
        True,  # the request at 10.0 is more than a second old
    ]


async def test_the_limit_keys_expire(redis: Redis) -> None:
    await lecture.FixedWindow(redis, 5, 60).hit("ada")
    await lecture.SlidingWindow(redis, 5, 60).hit("ada")
    ttls = [await redis.ttl(str(key)) async for key in redis.scan_iter("rl:*")]
    assert len(ttls) == 2
    assert all(0 < ttl <= 61 for ttl in ttls)


async def test_the_dependency_answers_429_with_retry_after(redis: Redis) -> None:
    statuses = await lecture.over_http(redis)
    assert statuses == [
        "200 remaining=2",
        "200 remaining=1",
        "200 remaining=0",
        "429 remaining=0 retry-after=60",
    ]
