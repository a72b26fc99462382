"""The page cache of the task list (task 14): a cached page is byte for byte what PostgreSQL's
path gives; every committed change of an organisation makes its cached pages unreachable (one
``INCR`` of its generation), also when that ``INCR`` failed; one load for a stampede; the hit
rate at ``GET /metrics``."""

import asyncio
import re
from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.services.redis import ThrowawayRedis

from .conftest import Org, World

pytestmark = pytest.mark.task(14)

pages = impl_module("capstone", "caching.pages")
guard_module = impl_module("capstone", "caching.guard")
events = impl_module("capstone", "events")
redis_client = impl_module("capstone", "redis_client")


async def hits_and_misses(client: httpx.AsyncClient) -> dict[str, int]:
    response = await client.get("http://testserver/metrics")
    assert response.status_code == 200
    found = re.findall(r'cache_requests_total\{result="(\w+)"\} (\d+)', response.text)
    return {result: int(n) for result, n in found}


async def test_a_cached_page_is_exactly_what_postgresql_gives(
    app: Any, world: World, acme: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await world.client(acme.member)
    for title in ('Café ☕ "quoted" <b>', "second"):
        body = {"project_id": acme.project_id, "title": title, "labels": ["bug"]}
        assert (await member.post(f"/orgs/{acme.id}/tasks", json=body)).status_code == 201
    url, params = f"/orgs/{acme.id}/tasks", {"limit": 2}
    before = await hits_and_misses(member)
    miss, hit = await member.get(url, params=params), await member.get(url, params=params)
    after = await hits_and_misses(member)
    assert (after["miss"] - before["miss"], after["hit"] - before["hit"]) == (1, 1)
    monkeypatch.setattr(app.state.page_cache, "policy", pages.CachePolicy(enabled=False))
    uncached = await member.get(url, params=params)
    assert miss.status_code == hit.status_code == uncached.status_code == 200
    assert hit.content == miss.content == uncached.content
    assert hit.headers["content-type"] == uncached.headers["content-type"] == "application/json"
    assert [t["title"] for t in hit.json()["items"]] == ["second", 'Café ☕ "quoted" <b>']
    # The next page through the cached page's cursor: the cursor is as valid as a fresh one.
    cursor = hit.json()["next_cursor"]
    assert (await member.get(url, params={**params, "cursor": cursor})).status_code == 200


async def test_every_committed_change_is_seen_by_the_next_read(world: World, acme: Org) -> None:
    viewer, member = await world.client(acme.viewer), await world.client(acme.member)
    url = f"/orgs/{acme.id}/tasks"

    async def titles() -> list[str]:
        return [t["title"] for t in (await viewer.get(url)).json()["items"]]

    assert await titles() == await titles() == ["secret of acme"]  # a miss, then a hit
    made = (await member.post(url, json={"project_id": acme.project_id, "title": "new"})).json()
    assert await titles() == ["new", "secret of acme"]
    await member.patch(f"{url}/{made['id']}", json={"title": "renamed"})
    assert await titles() == ["renamed", "secret of acme"]
    assert (await member.delete(f"{url}/{made['id']}")).status_code == 204
    assert await titles() == ["secret of acme"]
    # A refused change (a 422) commits nothing and leaves the cached page as it is.
    refused = await member.post(url, json={"project_id": 999_999_999, "title": "x"})
    assert refused.status_code == 422
    assert await titles() == ["secret of acme"]


async def test_the_list_is_cached_per_organisation(world: World, acme: Org, globex: Org) -> None:
    for org, name in ((acme, "acme"), (globex, "globex"), (acme, "acme"), (globex, "globex")):
        viewer = await world.client(org.viewer)
        items = (await viewer.get(f"/orgs/{org.id}/tasks")).json()["items"]
        assert [t["title"] for t in items] == [f"secret of {name}"]


def change(org_id: int) -> Any:
    return events.Change(org_id, None, "task.updated", "task", 1, None, None)


async def test_a_failed_invalidation_is_replayed_before_the_cache_is_read_again(
    reused_redis_server: ThrowawayRedis,
) -> None:
    redis = redis_client.make_redis(reused_redis_server.url())
    cache = pages.PageCache(guard_module.RedisGuard(redis, cooldown=0))
    loads: list[str] = []

    async def load(value: str) -> str:
        loads.append(value)
        return value

    try:
        assert await cache.get_or_load(7, "tasks", {}, lambda: load("old")) == "old"
        assert await cache.get_or_load(7, "tasks", {}, lambda: load("new")) == "old"  # cached
        reused_redis_server.pause()  # Redis hangs through the commit: the INCR times out
        await cache.invalidate([change(7)])
        assert cache.pending == {7}
        reused_redis_server.resume()  # ...and comes back with the old page still in it
        assert len(await redis.keys("cap:v1:org:7:g*:tasks:*")) == 1
        assert await cache.get_or_load(7, "tasks", {}, lambda: load("new")) == "new"
        assert cache.pending == set()
        assert loads == ["old", "new"]
    finally:
        reused_redis_server.resume()
        await redis.aclose()


async def test_a_stampede_on_a_cold_page_loads_it_once(
    reused_redis_server: ThrowawayRedis,
) -> None:
    redis = redis_client.make_redis(reused_redis_server.url())
    cache = pages.PageCache(guard_module.RedisGuard(redis))
    loads = 0

    async def load() -> str:
        nonlocal loads
        loads += 1
        await asyncio.sleep(0.05)  # a slow query: the others arrive while it runs
        return "page"

    try:
        pages_ = await asyncio.gather(*(cache.get_or_load(8, "t", {}, load) for _ in range(20)))
        assert pages_ == ["page"] * 20
        assert loads == 1
        await cache.invalidate([change(8)])
        assert await cache.get_or_load(8, "t", {}, load) == "page"
        assert loads == 2  # a new generation: loaded again, once
    finally:
        await redis.aclose()
