"""Rate limits (task 14): per user and per organisation, counted in Redis; ``X-RateLimit-*`` on
every counted response; past a limit a 429 problem with ``Retry-After``, counting nothing; not
counted without a valid token; fail open while Redis is down."""

import math
from datetime import timedelta
from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory
from testkit.services.process import free_port

from .conftest import Bucket, CurrentSessionmaker, MovableClock, Org, World, make_app

pytestmark = pytest.mark.task(14)

limits = impl_module("capstone", "caching.limits")
redis_client = impl_module("capstone", "redis_client")
WINDOW = 60


@pytest.fixture
def at_window_start(clock: MovableClock) -> int:
    """Move the app's clock to the start of a window (the test then has WINDOW seconds); the
    window's end in Unix seconds."""
    now = clock().timestamp()
    clock.advance(timedelta(seconds=math.ceil(now / WINDOW) * WINDOW - now + 0.001))
    return math.ceil(now / WINDOW) * WINDOW + WINDOW


@pytest.fixture
def limited_app(
    app: Any,
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
) -> Any:
    small = limits.RateLimits(per_user=3, per_org=5, window=WINDOW)
    return make_app(settings, clock, current_sessionmaker, bucket, rate_limits=small)


async def test_a_user_gets_the_headers_then_a_429_with_retry_after(
    limited_app: Any, world: World, acme: Org, at_window_start: int
) -> None:
    viewer = await world.client(acme.viewer, app=limited_app)
    answers = [await viewer.get(f"/orgs/{acme.id}/tasks") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["x-ratelimit-remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert {a.headers["x-ratelimit-limit"] for a in answers} == {"3"}
    assert {a.headers["x-ratelimit-reset"] for a in answers} == {str(at_window_start)}
    refused = answers[-1]
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert 1 <= int(refused.headers["retry-after"]) <= WINDOW
    # Everywhere in the API, not only in the organisation; until the window ends.
    assert (await viewer.get("/users/me")).status_code == 429


async def test_the_organisation_has_a_budget_of_its_own(
    limited_app: Any, world: World, acme: Org, globex: Org, at_window_start: int
) -> None:
    admin = await world.client(acme.admin, app=limited_app)
    member = await world.client(acme.member, app=limited_app)
    codes = [(await c.get(f"/orgs/{acme.id}/tasks")).status_code for c in (admin,) * 3]
    codes += [(await member.get(f"/orgs/{acme.id}/tasks")).status_code for _ in range(2)]
    assert codes == [200] * 5  # 5 requests to acme: its budget is spent
    viewer = await world.client(acme.viewer, app=limited_app)
    refused = await viewer.get(f"/orgs/{acme.id}/tasks")
    assert (refused.status_code, refused.headers["x-ratelimit-limit"]) == (429, "5")
    # The viewer's own budget is untouched by the refusal; other organisations are not affected.
    me = await viewer.get("/users/me")
    assert (me.status_code, me.headers["x-ratelimit-remaining"]) == (200, "2")
    other = await world.client(globex.viewer, app=limited_app)
    assert (await other.get(f"/orgs/{globex.id}/tasks")).status_code == 200


async def test_requests_without_a_valid_token_are_not_counted(
    limited_app: Any, asgi_client: ClientFactory, at_window_start: int
) -> None:
    client = await asgi_client(limited_app, base_url="http://testserver/api/v1")
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        answers = [await client.get("/users/me", headers=headers) for _ in range(4)]
        assert {a.status_code for a in answers} == {401}
        assert not any("x-ratelimit-limit" in a.headers for a in answers)


async def test_without_redis_requests_are_served_unlimited_and_uncached(
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
    world: World,
    acme: Org,
) -> None:
    dead = redis_client.make_redis(f"redis://127.0.0.1:{free_port()}/0")
    small = limits.RateLimits(per_user=1, per_org=1, window=WINDOW)
    app = make_app(settings, clock, current_sessionmaker, bucket, redis=dead, rate_limits=small)
    viewer = await world.client(acme.viewer, app=app)
    answers: list[httpx.Response] = [await viewer.get(f"/orgs/{acme.id}/tasks") for _ in range(3)]
    assert {a.status_code for a in answers} == {200}
    assert [t["title"] for t in answers[-1].json()["items"]] == ["secret of acme"]
    assert not any("x-ratelimit-limit" in a.headers for a in answers)
