"""Task 2: our own pace (token bucket) and the upstream's advertised budget (X-RateLimit-*)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.fake_upstream import FakeClock, FakeUpstream, RateLimit

from .conftest import sync

pytestmark = pytest.mark.task(2)


def bucket(rate: float, capacity: int, clock: FakeClock) -> Any:
    module = impl_module("week08", "resilience.rate_limit")
    return module.TokenBucket(rate, capacity, now=clock, sleep=clock.sleep)


def budget(clock: FakeClock) -> Any:
    return impl_module("week08", "resilience.rate_limit").ServerBudget(now=clock, sleep=clock.sleep)


@pytest.mark.points(2)
async def test_a_full_bucket_allows_a_burst_without_waiting(clock: FakeClock) -> None:
    tokens = bucket(rate=2.0, capacity=5, clock=clock)

    for _ in range(5):
        await tokens.acquire()

    assert clock.sleeps == []


@pytest.mark.points(3)
async def test_an_empty_bucket_paces_requests_at_the_rate(clock: FakeClock) -> None:
    tokens = bucket(rate=2.0, capacity=5, clock=clock)
    start = clock()
    times = []
    for _ in range(25):
        await tokens.acquire()
        times.append(clock() - start)

    assert times[:5] == [0.0] * 5
    assert times[5:8] == pytest.approx([0.5, 1.0, 1.5])  # one token every 1/rate seconds
    assert times[-1] == pytest.approx(10.0)
    # Never more than capacity + rate * t requests in any first t seconds:
    assert all(n + 1 <= 5 + 2.0 * t + 1e-9 for n, t in enumerate(times))


@pytest.mark.points(2)
async def test_tokens_refill_while_idle_but_never_beyond_capacity(clock: FakeClock) -> None:
    tokens = bucket(rate=1.0, capacity=3, clock=clock)
    for _ in range(3):
        await tokens.acquire()
    clock.advance(100)  # idle for long: 100 tokens earned, 3 kept

    for _ in range(3):
        await tokens.acquire()
    assert clock.sleeps == []
    await tokens.acquire()
    assert clock.sleeps == [pytest.approx(1.0)]


@pytest.mark.points(2)
async def test_a_spent_budget_waits_for_the_reset(clock: FakeClock) -> None:
    advertised = budget(clock)
    advertised.update(
        {"x-ratelimit-limit": "60", "x-ratelimit-remaining": "0",
         "x-ratelimit-reset": str(int(clock()) + 42)}
    )  # fmt: skip

    assert await advertised.wait_if_spent(max_wait=60) is True
    assert clock.sleeps == [42.0]
    assert await advertised.wait_if_spent(max_wait=60) is True  # a new window: no second wait
    assert clock.sleeps == [42.0]


async def test_a_budget_with_requests_left_or_no_headers_does_not_wait(clock: FakeClock) -> None:
    advertised = budget(clock)
    assert await advertised.wait_if_spent(max_wait=60) is True
    advertised.update({"x-ratelimit-remaining": "3", "x-ratelimit-reset": str(int(clock()) + 9)})
    assert await advertised.wait_if_spent(max_wait=60) is True
    advertised.update({"x-ratelimit-remaining": "soon", "x-ratelimit-reset": "later"})
    assert advertised.remaining == 3  # garbage is ignored, the last good value kept

    assert clock.sleeps == []
    assert advertised.limit is None


@pytest.mark.points(2)
async def test_a_reset_too_far_away_is_reported_not_waited_for(clock: FakeClock) -> None:
    advertised = budget(clock)
    advertised.update({"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(clock()) + 3600)})

    assert await advertised.wait_if_spent(max_wait=30) is False
    assert clock.sleeps == []


@pytest.mark.points(4)
async def test_a_sync_never_exceeds_the_advertised_budget(
    client: httpx.AsyncClient, github: FakeUpstream, clock: FakeClock
) -> None:
    # 2 pages of repositories + 1 of issues = 3 requests per sync; the budget is 2 per minute.
    github.rate_limit = RateLimit(limit=2, window=20, clock=clock)

    first = await sync(client, "github")
    second = await sync(client, "github")

    assert github.rate_limit.rejected == 0  # not one request over the budget, so no 429
    assert all(count <= 2 for count in github.rate_limit.counts)
    assert first["status"] == second["status"] == "ok"
    assert any(wait > 1 for wait in clock.sleeps)  # waited for a reset instead
