"""Lecture 4: slowapi limits per user or IP, counted in Redis, served by real uvicorn servers."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import httpx
import pytest
from week12.lectures.l4_rate_limits import create_app

from testkit.http import LiveServer
from testkit.services.redis import ThrowawayRedis

Serve = Callable[..., LiveServer]
ADA = {"Authorization": "Bearer ada-token"}
GRACE = {"Authorization": "Bearer grace-token"}


def serve(live_server: Serve, storage_uri: str, prefix: str | None = None) -> str:
    """A live server of the lecture app with counters of its own (or ``prefix``'s)."""
    return live_server(create_app(storage_uri, key_prefix=prefix or uuid.uuid4().hex)).url


def statuses(client: httpx.Client, url: str, times: int, **kwargs: object) -> list[int]:
    return [client.get(url, **kwargs).status_code for _ in range(times)]  # type: ignore[arg-type]


def test_each_user_has_a_budget_and_everyone_else_shares_their_ip(
    redis_url: str, live_server: Serve
) -> None:
    url = serve(live_server, redis_url)
    with httpx.Client(base_url=url) as client:
        remaining = [
            client.get("/tasks", headers=ADA).headers["x-ratelimit-remaining"] for _ in range(5)
        ]
        assert remaining == ["4", "3", "2", "1", "0"]
        assert client.get("/tasks", headers=ADA).status_code == 429
        assert client.get("/tasks", headers=GRACE).status_code == 200  # a budget of her own

        assert statuses(client, "/tasks", 3) == [200, 200, 200]  # anonymous: the IP's budget
        forged = {"Authorization": "Bearer made-up"}  # not a fresh budget: the same IP's
        assert statuses(client, "/tasks", 3, headers=forged) == [200, 200, 429]


def test_the_headers_carry_the_limit_the_remaining_budget_and_the_reset(
    redis_url: str, live_server: Serve
) -> None:
    url = serve(live_server, redis_url)
    with httpx.Client(base_url=url, headers=ADA) as client:
        started = time.time()
        first = client.get("/tasks")
        for _ in range(4):
            client.get("/tasks")
        refused = client.get("/tasks")

    assert first.headers["x-ratelimit-limit"] == "5"
    # A Unix time, when the window that began with the first request ends: a minute (and slowapi's
    # one second of margin) later. With Redis storage slowapi writes it with a fraction.
    reset = float(first.headers["x-ratelimit-reset"])
    assert started + 60 <= reset <= time.time() + 61
    assert float(refused.headers["x-ratelimit-reset"]) == pytest.approx(reset, abs=1)  # same window

    assert refused.status_code == 429
    assert (refused.headers["x-ratelimit-limit"], refused.headers["x-ratelimit-remaining"]) == (
        "5",
        "0",
    )
    retry_after = int(refused.headers["retry-after"])  # seconds until the window resets
    assert abs(time.time() + retry_after - reset) <= 2
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json() == {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": f"rate limit exceeded: 5 per 1 minute; retry after {retry_after} s",
    }


def test_an_expensive_route_is_stricter_and_the_health_check_is_exempt(
    redis_url: str, live_server: Serve
) -> None:
    url = serve(live_server, redis_url)
    with httpx.Client(base_url=url, headers=ADA) as client:
        reports = [client.post("/reports") for _ in range(3)]
        assert [r.status_code for r in reports] == [202, 202, 429]
        assert reports[0].json() == {"status": "queued", "for": "ada"}
        assert reports[0].headers["x-ratelimit-limit"] == "2"  # the decorator wrote the headers
        assert reports[2].json()["detail"].startswith("rate limit exceeded: 2 per 1 minute")
        assert client.get("/tasks").headers["x-ratelimit-remaining"] == "4"  # budgets apart

        health = [client.get("/health") for _ in range(12)]
        assert {r.status_code for r in health} == {200}
        assert not any("x-ratelimit-limit" in r.headers for r in health)


def test_two_app_instances_on_one_redis_share_the_limit(redis_url: str, live_server: Serve) -> None:
    prefix = uuid.uuid4().hex
    a, b = (serve(live_server, redis_url, prefix) for _ in range(2))
    with httpx.Client(headers=ADA) as client:
        assert statuses(client, f"{a}/tasks", 3) + statuses(client, f"{b}/tasks", 2) == [200] * 5
        assert (client.get(f"{a}/tasks").status_code, client.get(f"{b}/tasks").status_code) == (
            429,
            429,
        )

        # The contrast: in-memory counters are per process, and two processes allow twice the limit.
        apart = [serve(live_server, "memory://", prefix) for _ in range(2)]
        assert [code for url in apart for code in statuses(client, f"{url}/tasks", 5)] == [200] * 10


def test_with_redis_down_each_process_counts_in_memory(
    redis_server: ThrowawayRedis, live_server: Serve, caplog: pytest.LogCaptureFixture
) -> None:
    url = serve(live_server, redis_server.url())
    with httpx.Client(base_url=url, headers=ADA) as client:
        assert statuses(client, "/tasks", 2) == [200, 200]  # counted in Redis
        redis_server.stop()
        # Not a 500 for everyone, not unlimited either: a fresh in-memory budget per process.
        assert statuses(client, "/tasks", 6) == [200] * 5 + [429]
    assert "falling back to in-memory storage" in caplog.text
