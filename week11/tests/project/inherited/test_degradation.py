"""Task 9: the app without Redis. Stopped in the middle of a run, reads come from PostgreSQL (no
500), writes are kept and seen, revoked logins stay revoked; restarted, the app uses it again.
A Redis that hangs and misses an invalidation never serves the stale entry afterwards."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.db import count_queries
from testkit.http import ClientFactory
from testkit.services.redis import ThrowawayRedis

from ..factories import V1, Account, create_task, login_account, register_and_login

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points
V2 = "http://testserver/api/v2"


async def status(client: httpx.AsyncClient, account: Account, url: str = f"{V1}/me") -> int:
    return (await client.get(url, headers=account.headers)).status_code


async def served_from_cache(client: httpx.AsyncClient, engine: AsyncEngine, url: str) -> bool:
    with count_queries(engine) as queries:
        response = await client.get(url)
    assert response.status_code == 200, response.text
    return not [s for s in queries.statements if "FROM tasks" in s]


async def until_cached(client: httpx.AsyncClient, engine: AsyncEngine, url: str) -> None:
    """Poll (the breaker tries Redis again after 0.2 s) until the list comes from the cache."""
    deadline = time.monotonic() + 10
    while not await served_from_cache(client, engine, url):
        assert time.monotonic() < deadline, "the app never used Redis again"
        await asyncio.sleep(0.05)


async def test_the_app_works_without_redis_and_uses_it_again_when_it_is_back(
    outage_app: Any,
    asgi_client: ClientFactory,
    outage_redis: ThrowawayRedis,
    db_engine: AsyncEngine,
) -> None:
    client = await asgi_client(outage_app, base_url=V2)
    ann = await register_and_login(client, "ann@example.com")
    logged_out = await login_account(client, ann)  # a login to end before the outage
    during = await login_account(client, ann)  # and one to end during it
    client.headers.update(ann.headers)
    first = await create_task(client, title="before the outage")
    await until_cached(client, db_engine, "/tasks")
    await client.post(f"{V1}/auth/logout", json={"refresh_token": logged_out.refresh_token})
    assert await status(client, logged_out) == 401

    outage_redis.stop()

    listed = await client.get("/tasks")  # from PostgreSQL
    assert listed.status_code == 200
    assert [task["id"] for task in listed.json()["items"]] == [first["id"]]
    assert (await client.get("/tasks/stats")).json()["total"] == 1
    written = await create_task(client, title="during the outage")  # no lost write ...
    after_write = (await client.get(f"{V1}/tasks")).json()
    assert [task["title"] for task in after_write] == ["before the outage", "during the outage"]
    assert await status(client, logged_out) == 401  # revoked stays revoked (fail closed)
    logout = await client.post(f"{V1}/auth/logout", json={"refresh_token": during.refresh_token})
    assert logout.status_code == 204  # a logout during the outage works ...
    assert await status(client, during) == 401  # ... at once
    assert await status(client, ann) == 200  # and valid tokens keep working

    outage_redis.start()  # back, empty

    await until_cached(client, db_engine, "/tasks")
    items = (await client.get("/tasks")).json()["items"]
    assert [task["id"] for task in items] == [first["id"], written["id"]]
    assert await status(client, logged_out) == 401  # the restarted Redis forgot both: ...
    assert await status(client, during) == 401  # ... rebuilt from PostgreSQL
    assert await status(client, ann) == 200


async def test_a_write_that_redis_missed_while_hanging_is_never_hidden(
    outage_app: Any,
    asgi_client: ClientFactory,
    outage_redis: ThrowawayRedis,
    db_engine: AsyncEngine,
) -> None:
    client = await asgi_client(outage_app, base_url=V2)
    ann = await register_and_login(client, "ann@example.com")
    client.headers.update(ann.headers)
    task = await create_task(client, title="old title")
    await until_cached(client, db_engine, "/tasks")

    outage_redis.pause()  # Redis keeps its data, entry included, but answers nothing
    assert (await client.get("/tasks")).status_code == 200  # times out: served from PostgreSQL
    changed = await client.patch(f"/tasks/{task['id']}", json={"title": "new title"})
    assert changed.status_code == 200  # the invalidation could not be sent
    outage_redis.resume()

    await until_cached(client, db_engine, "/tasks")
    assert [t["title"] for t in (await client.get("/tasks")).json()["items"]] == ["new title"]


async def test_the_cache_metrics_are_a_503_while_redis_is_down(
    outage_app: Any, asgi_client: ClientFactory, outage_redis: ThrowawayRedis, admin: Account
) -> None:
    client = await asgi_client(outage_app, base_url=V1)
    outage_redis.stop()
    response = await client.get("/admin/cache", headers=admin.headers)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
