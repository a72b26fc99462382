"""Task 7: external API responses cached as the upstream's Cache-Control says: fresh answers from
Redis, conditional requests (ETag, 304) when stale, the last good answer while the upstream is
down, and straight to the upstream while Redis is."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from testkit.fake_upstream import FakeClock, FakeUpstream, Fault
from testkit.services.redis import ThrowawayRedis

from .caching import Parts, module
from .fake_github import FakeGitHub, issue

pytestmark = pytest.mark.task(7)
PATH = "/repos/acme/rocket/issues/1"


def client(url: str, clock: FakeClock) -> Any:
    """Week 8's ResilientClient on the fake (retries without real waiting)."""
    resilience = "resilience."
    http = httpx.AsyncClient(base_url=url, timeout=2.0)
    return module(resilience + "client").ResilientClient(
        "github",
        http,
        policy=module(resilience + "retry").RetryPolicy(max_attempts=2, base=0.0, cap=1.0),
        breaker=module(resilience + "breaker").CircuitBreaker("github", threshold=10, now=clock),
        bucket=module(resilience + "rate_limit").TokenBucket(
            1000, 1000, now=clock, sleep=clock.sleep
        ),
        budget=module(resilience + "rate_limit").ServerBudget(now=clock, sleep=clock.sleep),
        now=clock,
        sleep=clock.sleep,
    )


def http_cache(parts: Parts, upstream: FakeUpstream) -> Any:
    return module("caching.http_cache").HttpCache(
        client(upstream.url, parts.clock), parts.guard, parts.metrics, now=parts.clock
    )


def title(answer: Any) -> str:
    return str(json.loads(answer.body)["title"])


@pytest.mark.points(3)
async def test_a_fresh_answer_is_served_without_a_request(
    cache: Parts, github: FakeUpstream
) -> None:
    http = http_cache(cache, github)
    first = await http.get(PATH)
    cache.clock.advance(59)
    second = await http.get(PATH)
    assert (first.source, second.source) == ("upstream", "fresh")
    assert title(second) == "Launch fails on Mondays"
    assert len(github.requests_to(PATH)) == 1


@pytest.mark.points(3)
async def test_a_stale_answer_is_revalidated_with_its_etag(
    cache: Parts, github: FakeUpstream
) -> None:
    http = http_cache(cache, github)
    await http.get(PATH)
    cache.clock.advance(61)
    again = await http.get(PATH)
    assert again.source == "revalidated"  # 304: no body came, the stored one is fresh again
    assert title(again) == "Launch fails on Mondays"
    conditional = github.requests_to(PATH)[1]
    assert conditional.headers["if-none-match"].startswith('W/"')
    cache.clock.advance(30)
    assert (await http.get(PATH)).source == "fresh"
    assert len(github.requests_to(PATH)) == 2


async def test_a_changed_resource_comes_back_whole(
    cache: Parts, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    http = http_cache(cache, github)
    await http.get(PATH)
    github_fake.issues["acme", "rocket", 1] = issue(1, "Launch fails on Mondays", state="closed")
    cache.clock.advance(61)
    changed = await http.get(PATH)
    assert changed.source == "upstream"
    assert json.loads(changed.body)["state"] == "closed"


async def test_no_store_is_never_stored_and_no_cache_is_always_revalidated(
    cache: Parts, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    http = http_cache(cache, github)
    github_fake.cache_control = "no-store"
    assert [(await http.get(PATH)).source for _ in range(2)] == ["upstream", "upstream"]
    assert [k async for k in cache.redis.scan_iter("tm:v1:http:*")] == []
    github_fake.cache_control = "no-cache"
    assert [(await http.get(PATH)).source for _ in range(2)] == ["upstream", "revalidated"]


async def test_freshness_is_capped_and_entries_are_kept_for_revalidation(
    cache: Parts, github: FakeUpstream, github_fake: FakeGitHub
) -> None:
    github_fake.cache_control = "max-age=999999"
    http = http_cache(cache, github)
    await http.get(PATH)
    [key] = [k async for k in cache.redis.scan_iter("tm:v1:http:*")]
    assert await cache.redis.ttl(key) == 3600 + 24 * 3600  # max_fresh + keep_stale
    cache.clock.advance(3601)
    assert (await http.get(PATH)).source == "revalidated"


@pytest.mark.points(3)
async def test_while_the_upstream_is_down_the_last_good_answer_is_served(
    cache: Parts, github: FakeUpstream
) -> None:
    http = http_cache(cache, github)
    await http.get(PATH)
    cache.clock.advance(61)
    github.inject(Fault.status_code(503), times=2)  # every try of the retry policy
    stale = await http.get(PATH)
    assert (stale.source, title(stale)) == ("stale", "Launch fails on Mondays")
    [stats] = await cache.metrics.snapshot()
    assert stats.errors == 1


async def test_without_a_stored_answer_the_upstream_failure_surfaces(
    cache: Parts, github: FakeUpstream
) -> None:
    github.inject(Fault.status_code(503), times=2)
    with pytest.raises(module("resilience.errors").UpstreamUnavailableError):
        await http_cache(cache, github).get(PATH)


async def test_a_404_is_the_upstreams_answer_and_is_not_cached(
    cache: Parts, github: FakeUpstream
) -> None:
    http = http_cache(cache, github)
    for _ in range(2):
        with pytest.raises(module("resilience.errors").UpstreamRejectedError):
            await http.get("/repos/acme/rocket/issues/404")
    assert len(github.requests_to("/repos/acme/rocket/issues/404")) == 2


@pytest.mark.points(2)
async def test_without_redis_every_call_goes_to_the_upstream(
    outage: Parts, outage_redis: ThrowawayRedis, github: FakeUpstream
) -> None:
    http = http_cache(outage, github)
    outage_redis.stop()
    assert [(await http.get(PATH)).source for _ in range(2)] == ["upstream", "upstream"]
    assert len(github.requests_to(PATH)) == 2


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, (False, False, None)),
        ("private, max-age=60, s-maxage=30", (False, False, 30)),
        ("Max-Age=120", (False, False, 120)),
        ('max-age="15"', (False, False, 15)),
        ("no-store", (True, False, None)),
        ("no-cache, max-age=0", (False, True, 0)),
        ("max-age=soon, foo=bar", (False, False, None)),
    ],
)
def test_cache_control_parsing(header: str | None, expected: tuple[bool, bool, int | None]) -> None:
    control = module("caching.http_cache").CacheControl.parse(header)
    assert (control.no_store, control.no_cache, control.max_age) == expected
