"""Task 4: the resilient client against a real, misbehaving server (no mocked transport)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit import impl_module
from testkit.fake_upstream import FakeClock, FakeUpstream, Fault, unaccepted_port

pytestmark = pytest.mark.task(4)


async def thing(request: Request) -> JSONResponse:
    return JSONResponse({"id": 1, "method": request.method}, headers={"X-RateLimit-Remaining": "9"})


@pytest.fixture(scope="module")
def server() -> Iterator[FakeUpstream]:
    with FakeUpstream([Route("/thing", thing, methods=["GET", "POST"])]) as upstream:
        yield upstream


@pytest.fixture
def upstream(server: FakeUpstream) -> FakeUpstream:
    server.clear_faults()
    server.requests.clear()
    return server


@pytest.fixture
async def http(upstream: FakeUpstream) -> AsyncIterator[httpx.AsyncClient]:
    timeout = httpx.Timeout(0.3, connect=0.2)
    async with httpx.AsyncClient(base_url=upstream.url, timeout=timeout) as client:
        yield client


def resilient(
    http: httpx.AsyncClient, clock: FakeClock, *, attempts: int = 3, threshold: int = 5
) -> Any:
    retry = impl_module("week08", "resilience.retry")
    breaker = impl_module("week08", "resilience.breaker")
    limits = impl_module("week08", "resilience.rate_limit")
    return impl_module("week08", "resilience.client").ResilientClient(
        "demo", http,
        policy=retry.RetryPolicy(max_attempts=attempts, base=1.0, cap=30.0, random=lambda: 1.0),
        breaker=breaker.CircuitBreaker("demo", threshold=threshold, now=clock),
        bucket=limits.TokenBucket(100, 100, now=clock, sleep=clock.sleep),
        budget=limits.ServerBudget(now=clock, sleep=clock.sleep),
        now=clock, sleep=clock.sleep,
    )  # fmt: skip


def errors() -> Any:
    return impl_module("week08", "resilience.errors")


@pytest.mark.points(2)
async def test_a_healthy_upstream_answers_on_the_first_try(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    client = resilient(http, clock)

    response = await client.request("GET", "/thing", params={"q": "x"}, headers={"X-A": "1"})

    assert response.json() == {"id": 1, "method": "GET"}
    assert len(upstream.requests) == 1
    assert upstream.requests[0].headers["x-a"] == "1"
    assert clock.sleeps == []
    assert client.budget.remaining == 9  # the advertised budget was read


@pytest.mark.points(3)
async def test_a_5xx_burst_is_retried_with_growing_waits(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.status_code(503), times=2)

    response = await resilient(http, clock).request("GET", "/thing")

    assert response.status_code == 200
    assert len(upstream.requests) == 3
    assert clock.sleeps == [1.0, 2.0]  # base 1 s, doubled (jitter fixed at its maximum)


@pytest.mark.points(3)
async def test_retry_after_is_honoured(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.rate_limited(retry_after=7))

    response = await resilient(http, clock).request("GET", "/thing")

    assert response.status_code == 200
    assert clock.sleeps == [7.0]


@pytest.mark.points(2)
async def test_a_slow_response_times_out_and_is_retried(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.delay(1.0))  # the read timeout is 0.3 s

    response = await resilient(http, clock).request("GET", "/thing")

    assert response.status_code == 200
    assert len(upstream.requests) == 2


@pytest.mark.points(2)
async def test_a_body_cut_mid_way_is_retried(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.cut_body())

    response = await resilient(http, clock).request("GET", "/thing")

    assert response.json()["id"] == 1
    assert len(upstream.requests) == 2


@pytest.mark.points(3)
async def test_an_upstream_that_never_answers_gives_up_after_the_attempts(clock: FakeClock) -> None:
    timeout = httpx.Timeout(0.3, connect=0.05)
    with unaccepted_port() as port:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=timeout) as http:
            client = resilient(http, clock, attempts=2)
            with pytest.raises(errors().UpstreamUnavailableError, match="ConnectTimeout"):
                await client.request("GET", "/thing")

    assert client.breaker.failures == 2
    assert clock.sleeps == [1.0]


@pytest.mark.points(2)
async def test_a_stalled_body_gives_up_after_the_attempts(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.stall_body(1.0), times=2)

    with pytest.raises(errors().UpstreamUnavailableError, match="ReadTimeout"):
        await resilient(http, clock, attempts=2).request("GET", "/thing")


@pytest.mark.points(2)
async def test_a_client_error_is_not_retried(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    client = resilient(http, clock)

    with pytest.raises(errors().UpstreamRejectedError) as raised:
        await client.request("GET", "/missing")

    assert raised.value.status == 404
    assert len(upstream.requests) == 1
    assert client.breaker.failures == 0  # the upstream is up: a 404 is not its failure


@pytest.mark.points(2)
async def test_a_post_is_not_retried_without_an_idempotency_key(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.status_code(503), times=2)

    with pytest.raises(errors().UpstreamUnavailableError, match="503"):
        await resilient(http, clock).request("POST", "/thing")
    assert len(upstream.requests) == 1

    response = await resilient(http, clock).request(
        "POST", "/thing", headers={"Idempotency-Key": "order-1001"}
    )
    assert response.json()["method"] == "POST"
    assert len(upstream.requests) == 3


@pytest.mark.points(2)
async def test_a_retry_after_beyond_the_cap_fails_at_once(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.rate_limited(retry_after=3600))

    with pytest.raises(errors().UpstreamUnavailableError, match="429"):
        await resilient(http, clock).request("GET", "/thing")
    assert clock.sleeps == []


@pytest.mark.points(2)
async def test_failures_open_the_breaker_and_then_nothing_is_sent(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.status_code(500), times=10)
    client = resilient(http, clock, attempts=2, threshold=2)
    with pytest.raises(errors().UpstreamUnavailableError):
        await client.request("GET", "/thing")
    upstream.requests.clear()

    with pytest.raises(errors().CircuitOpenError):
        await client.request("GET", "/thing")
    assert upstream.requests == []


@pytest.mark.points(2)
async def test_a_spent_advertised_budget_is_waited_out_before_sending(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    client = resilient(http, clock)
    client.budget.update(
        {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(clock()) + 12)}
    )

    await client.request("GET", "/thing")

    assert clock.sleeps == [12.0]


async def test_a_budget_spent_for_longer_than_the_cap_fails_without_sending(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    client = resilient(http, clock)
    client.budget.update(
        {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(clock()) + 999)}
    )

    with pytest.raises(errors().UpstreamUnavailableError, match="rate limit"):
        await client.request("GET", "/thing")
    assert upstream.requests == []


@pytest.mark.points(2)
async def test_a_403_that_says_rate_limited_waits_for_the_reset(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    # GitHub answers a spent primary rate limit with 403 (or 429) and X-RateLimit-Remaining: 0.
    limited = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(clock()) + 5)}
    upstream.inject(Fault.status_code(403, headers=limited))

    response = await resilient(http, clock).request("GET", "/thing")

    assert response.status_code == 200
    assert clock.sleeps == [1.0, 4.0]  # the backoff, then the rest of the wait for the reset


async def test_a_plain_403_is_a_rejection(
    http: httpx.AsyncClient, upstream: FakeUpstream, clock: FakeClock
) -> None:
    upstream.inject(Fault.status_code(403, headers={"Retry-After": "2"}), times=1)
    assert (await resilient(http, clock).request("GET", "/thing")).status_code == 200  # limited
    upstream.inject(Fault.status_code(403))

    with pytest.raises(errors().UpstreamRejectedError):
        await resilient(http, clock).request("GET", "/thing")
