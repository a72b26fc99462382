import math
import time

import pytest
from redis.asyncio import Redis
from week10.lectures import l2_stampede as lecture


async def test_without_protection_every_request_recomputes(redis: Redis) -> None:
    result = await lecture.stampede(redis, "naive", clients=50)
    assert result["recomputes"] > 25  # a stampede (all 50, unless the machine is very busy)


async def test_the_lock_lets_exactly_one_request_recompute(redis: Redis) -> None:
    result = await lecture.stampede(redis, "lock", clients=50)
    assert result == {"recomputes": 1, "served the old value": 0}  # the others waited for it


async def test_early_expiry_recomputes_once_and_nobody_waits(redis: Redis) -> None:
    result = await lecture.stampede(redis, "early expiry", clients=50)
    assert result == {"recomputes": 1, "served the old value": 49}


async def test_the_lock_is_released_only_by_its_holder(redis: Redis) -> None:
    await redis.set("k:lock", "someone-else")
    assert await redis.eval(lecture.RELEASE, 1, "k:lock", "my-token") == 0
    assert await redis.get("k:lock") == "someone-else"
    assert await redis.eval(lecture.RELEASE, 1, "k:lock", "someone-else") == 1


async def test_a_waiter_takes_over_when_the_holder_gives_up(redis: Redis) -> None:
    query = lecture.SlowQuery(seconds=0)
    await redis.set("k:lock", "crashed-holder", px=50)  # a holder that died: its lock expires
    assert await lecture.with_lock(redis, "k", query) == "report #1"
    assert query.calls == 1


async def test_a_failed_recompute_releases_the_lock(redis: Redis) -> None:
    async def broken() -> str:
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        await lecture.with_lock(redis, "k", broken)
    assert await redis.exists("k:lock") == 0


@pytest.mark.parametrize(
    ("remaining", "odds"), [(1.0, math.exp(-20)), (0.05, math.exp(-1)), (0.0, 1.0), (-1, 1.0)]
)
def test_early_odds_rise_as_expiry_nears(remaining: float, odds: float) -> None:
    assert lecture.early_odds(remaining, delta=0.05) == pytest.approx(odds)


async def test_early_expiry_decides_by_the_draw(redis: Redis) -> None:
    query = lecture.SlowQuery(seconds=0)
    entry = lecture.Entry(value="cached", delta=1.0, expires_at=time.time() + 10)
    await redis.set("k", entry.model_dump_json(), ex=60)

    # 10 s left, a 1 s computation: refresh early only if -ln(draw) >= 10 (odds e^-10).
    assert await lecture.with_early_expiry(redis, "k", query, draw=lambda: 0.5) == "cached"
    assert query.calls == 0
    assert await lecture.with_early_expiry(redis, "k", query, draw=lambda: 1e-5) == "report #1"
    assert query.calls == 1
    assert await lecture.with_early_expiry(redis, "k", query, draw=lambda: 1e-5) == "report #1"
    assert query.calls == 1  # the refreshed entry is fresh for 60 s and took ~0 s to compute
