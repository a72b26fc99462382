"""The task list's fast path (task 14): a warm hit asks PostgreSQL nothing, the caller's role
coming from Redis with the page; yet a removed member is refused on their very next request, a
non-member never gets a cached page, and a cached role outlives a lost invalidation by
``member_ttl`` seconds at most."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from testkit import impl_module
from testkit.services.redis import ThrowawayRedis

from .conftest import Org, World

pytestmark = pytest.mark.task(14)

pages = impl_module("capstone", "caching.pages")
guard_module = impl_module("capstone", "caching.guard")
events = impl_module("capstone", "events")
redis_client = impl_module("capstone", "redis_client")


@contextmanager
def statements(db: AsyncConnection) -> Iterator[list[str]]:
    """The SQL sent on the test's connection (every request of the app uses it) meanwhile."""
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(args[2])  # (conn, cursor, statement, parameters, context, executemany)

    event.listen(db.sync_connection, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(db.sync_connection, "before_cursor_execute", record)


async def test_a_warm_hit_asks_postgresql_nothing(
    world: World, acme: Org, db_connection: AsyncConnection
) -> None:
    viewer = await world.client(acme.viewer)
    url = f"/orgs/{acme.id}/tasks"
    with statements(db_connection) as cold:
        first = await viewer.get(url)
    with statements(db_connection) as warm:
        second = await viewer.get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert any("memberships" in sql for sql in cold)  # the miss checked the caller in PostgreSQL
    assert any("set_config" in sql for sql in cold)  # and scoped the page's query for RLS
    assert warm == []  # the hit: role and page from Redis
    with statements(db_connection) as other_page:
        assert (await viewer.get(url, params={"limit": 5})).status_code == 200
    assert not any("memberships" in sql for sql in other_page)  # the role was cached...
    assert any("set_config" in sql for sql in other_page)  # ...the page was not: RLS-scoped
    admin = await world.client(acme.admin)
    with statements(db_connection) as new_caller:
        assert (await admin.get(url)).content == first.content  # the page cached for all roles
    assert any("memberships" in sql for sql in new_caller)  # but this caller checked first
    assert not any("FROM tasks" in sql for sql in new_caller)


async def test_a_removed_member_is_refused_at_once_despite_a_warm_cache(
    world: World, acme: Org, db_connection: AsyncConnection
) -> None:
    admin, viewer = await world.client(acme.admin), await world.client(acme.viewer)
    url = f"/orgs/{acme.id}/tasks"
    assert (await viewer.get(url)).status_code == 200
    with statements(db_connection) as warm:
        assert (await viewer.get(url)).status_code == 200  # served from the cache...
    assert warm == []
    removed = await admin.delete(f"/orgs/{acme.id}/members/{acme.viewer.id}")
    assert removed.status_code == 204
    refused = await viewer.get(url)  # ...and refused on the next request
    assert refused.status_code == 404
    assert refused.headers["content-type"] == "application/problem+json"
    assert (await admin.get(url)).status_code == 200  # the others still see the list


async def test_a_cached_page_is_no_use_to_a_non_member_or_a_stranger(
    world: World, acme: Org, globex: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks"
    insider, outsider = await world.client(acme.viewer), await world.client(globex.admin)
    assert (await insider.get(url)).status_code == (await insider.get(url)).status_code == 200
    refused = await outsider.get(url)  # an admin elsewhere, a stranger here: 404
    assert refused.status_code == 404
    assert "secret of acme" not in refused.text
    stranger = await world.client()  # no token at all
    assert (await stranger.get(url)).status_code == 401
    gone = world.app.state.tokens.access_token(10**15, world.app.state.clock())  # no such user
    no_user = await stranger.get(url, headers={"Authorization": f"Bearer {gone}"})
    assert no_user.status_code == 401


async def test_a_cached_role_outlives_a_lost_bump_by_member_ttl_at_most(
    reused_redis_server: ThrowawayRedis,
) -> None:
    redis = redis_client.make_redis(reused_redis_server.url())
    policy = pages.CachePolicy(member_ttl=3)
    writer = pages.PageCache(guard_module.RedisGuard(redis, cooldown=0), policy)  # two processes
    reader = pages.PageCache(guard_module.RedisGuard(redis, cooldown=0), policy)
    change = events.Change(9, None, "member.removed", "member", 5, None, None)
    try:
        found = await reader.lookup(9, "tasks", {}, member=5)
        assert found.role is None
        await reader.remember_role(found, "viewer")
        assert (await reader.lookup(9, "tasks", {}, member=5)).role == "viewer"
        assert 0 < await redis.ttl(found.member_key) <= 3  # the bound if a bump is lost
        await writer.invalidate([change])  # the removal's bump reaches Redis: gone at once
        assert (await reader.lookup(9, "tasks", {}, member=5)).role is None
        await reader.remember_role(await reader.lookup(9, "tasks", {}, member=5), "viewer")
        reused_redis_server.pause()  # the next bump is lost: the writer cannot reach Redis
        await writer.invalidate([change])
        reused_redis_server.resume()
        assert writer.pending == {9}
        assert (await writer.lookup(9, "tasks", {}, member=5)).role is None  # replayed first
        assert writer.pending == set()
    finally:
        reused_redis_server.resume()
        await redis.aclose()
