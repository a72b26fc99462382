"""Inherited guard (0 points) under task 2: these requests create tasks, so they fail until
``TaskService.create`` writes its outbox message.

A request that lost a race in the database runs again (``retries.py``), then gets a 409.

The errors are real ones, raised by PostgreSQL with the SQLSTATE
of a deadlock, in the request's own transaction.
"""

from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import func, select, text

from testkit import impl_module
from testkit.http import ClientFactory

from ..factories import Account

pytestmark = [pytest.mark.task(2), pytest.mark.points(0)]  # inherited: a guard, no points
dependencies = impl_module("week11", "dependencies")
retries = impl_module("week11", "retries")
Tag = impl_module("week11", "tags.models").Tag
DEADLOCK = text("DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '40P01'; END $$")


def flaky_route(app: FastAPI, failures: int, owner: int) -> list[dict[str, Any]]:
    """``POST /flaky/{failures}`` writes a tag, then loses a deadlock the first ``failures``
    times (a path per number: the tests share their app)."""
    calls: list[dict[str, Any]] = []

    @app.post(f"/flaky/{failures}")
    async def flaky(body: dict[str, Any], session: dependencies.SessionDep) -> dict[str, int]:  # type: ignore[name-defined]
        calls.append(body)
        session.add(Tag(name=f"attempt {len(calls)}", owner_id=owner))
        await session.flush()
        if len(calls) <= failures:
            await session.execute(DEADLOCK)
        return {"attempts": len(calls)}

    return calls


async def tags_named_attempt(client: httpx.AsyncClient, owner: Account) -> int:
    tags = (await client.get("/api/v1/tags", headers=owner.headers)).json()
    return sum(tag["name"].startswith("attempt") for tag in tags)


async def test_a_deadlock_victim_runs_again_with_the_same_body(
    app_with_routes: FastAPI, asgi_client: ClientFactory, ann: Account
) -> None:
    app = app_with_routes
    calls = flaky_route(app, failures=retries.ATTEMPTS - 1, owner=ann.id)
    client = await asgi_client(app)

    response = await client.post(f"/flaky/{retries.ATTEMPTS - 1}", json={"n": 1})

    assert response.status_code == 200
    assert response.json() == {"attempts": retries.ATTEMPTS}
    assert calls == [{"n": 1}] * retries.ATTEMPTS
    assert await tags_named_attempt(client, ann) == 1  # the failed attempts were rolled back


async def test_after_the_last_attempt_the_client_gets_a_409(
    app_with_routes: FastAPI, asgi_client: ClientFactory, ann: Account
) -> None:
    app = app_with_routes
    calls = flaky_route(app, failures=retries.ATTEMPTS, owner=ann.id)
    client = await asgi_client(app)

    response = await client.post(f"/flaky/{retries.ATTEMPTS}", json={"n": 2})

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "send it again" in response.json()["detail"]
    assert len(calls) == retries.ATTEMPTS
    assert await tags_named_attempt(client, ann) == 0


async def test_other_errors_are_not_retried(app_with_routes: FastAPI) -> None:
    app = app_with_routes
    calls: list[int] = []

    @app.get("/broken")
    async def broken(session: dependencies.SessionDep) -> None:  # type: ignore[name-defined]
        calls.append(1)
        await session.execute(select(func.no_such_function()))

    # Week 10: the app's lifespan makes its sessionmaker (and its Redis pool).
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.get("/broken")

    assert response.status_code == 500
    assert calls == [1]
