"""Your tests of the client code, with mocked API calls (this file has one example).

These tests are graded by mutants: copies of the reference solution with one realistic bug each
(``week08/mutants/``). Your suite must pass on the solution and fail on as many mutants as
possible: a point per mutant caught. So test behaviour a bug would change: what is retried, what
is waited, what is stored, what is refused.

Mocked calls are fine here: ``httpx.MockTransport`` answers with a function you write (the project
tests use real servers instead). Get the code under test with ``impl_module``, never
``week08.solution`` or ``week08.starter`` directly: your tests run against your starter, the
reference solution and each mutated copy (``make check-week 8`` counts the bugs they catch).
"""

from typing import Any

import httpx

from testkit import impl_module
from testkit.fake_upstream import FakeClock

CircuitBreaker = impl_module("week08", "resilience.breaker").CircuitBreaker
ResilientClient = impl_module("week08", "resilience.client").ResilientClient
rate_limit = impl_module("week08", "resilience.rate_limit")
RetryPolicy = impl_module("week08", "resilience.retry").RetryPolicy


def client_for(handler: httpx.MockTransport, clock: FakeClock) -> Any:
    """A resilient client over a mocked transport, on a fake clock (no real waiting)."""
    http = httpx.AsyncClient(transport=handler, base_url="https://api.test")
    return ResilientClient(
        "test", http,
        policy=RetryPolicy(max_attempts=3, base=1.0, cap=30.0, random=lambda: 1.0),
        breaker=CircuitBreaker("test", threshold=5, now=clock),
        bucket=rate_limit.TokenBucket(100, 100, now=clock, sleep=clock.sleep),
        budget=rate_limit.ServerBudget(now=clock, sleep=clock.sleep),
        now=clock, sleep=clock.sleep,
    )  # fmt: skip


async def test_a_503_is_retried_after_a_backoff() -> None:
    answers = iter([503, 200])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        return httpx.Response(next(answers), json={"ok": True})

    clock = FakeClock()
    client = client_for(httpx.MockTransport(handler), clock)

    async with client.http:
        response = await client.request("GET", "/thing")

    assert response.status_code == 200
    assert seen == ["GET", "GET"]
    assert clock.sleeps == [1.0]  # base 1 s, jitter fixed at its maximum
