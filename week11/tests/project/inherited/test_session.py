"""One session and one transaction per request, committed in one place."""

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module
from testkit.http import ClientFactory

from ..factories import Account

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points

dependencies = impl_module("week11", "dependencies")
owned = impl_module("week11", "owned")
errors = impl_module("week11", "errors")
Tag = impl_module("week11", "tags.models").Tag
INSERT_USER = text("INSERT INTO users (email, password_hash) VALUES (:email, '!')")


async def user_count(session: AsyncSession, email: str) -> int:
    query = text("SELECT count(*) FROM users WHERE email = :email")
    return int(await session.scalar(query, {"email": email}) or 0)


async def test_a_successful_request_is_committed(
    anonymous: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    body = {"email": "kept@example.com", "password": "plum kettle orbit sandal"}
    response = await anonymous.post("/auth/register", json=body)

    assert response.status_code == 201
    # Without the commit the request's session would roll its work back when it closes.
    assert await user_count(db_session, "kept@example.com") == 1


async def test_a_failed_request_leaves_nothing_behind(
    app_with_routes: FastAPI, asgi_client: ClientFactory, db_session: AsyncSession
) -> None:
    app = app_with_routes

    @app.post("/half-done")
    async def half_done(session: dependencies.SessionDep) -> None:  # type: ignore[name-defined]
        await session.execute(INSERT_USER, {"email": "half@example.com"})  # the INSERT ran...
        raise errors.ConflictError("...then a rule said no")

    client = await asgi_client(app)
    response = await client.post("/half-done")

    assert response.status_code == 409
    assert await user_count(db_session, "half@example.com") == 0  # ...and was rolled back


async def test_all_repositories_of_a_request_share_one_session(
    app_with_routes: FastAPI, asgi_client: ClientFactory, ann: Account
) -> None:
    app = app_with_routes
    seen: list[Any] = []

    @app.get("/sessions")
    async def sessions(
        categories: owned.CategoryRepositoryDep,  # type: ignore[name-defined]
        tags: owned.TagRepositoryDep,  # type: ignore[name-defined]
    ) -> None:
        seen.extend([categories.session, tags.session])

    client = await asgi_client(app)
    await client.get("/sessions", headers=ann.headers)
    await client.get("/sessions", headers=ann.headers)

    assert seen[0] is seen[1]  # one request: one session (and one transaction)
    assert seen[2] is not seen[0]  # the next request: a new one


async def test_a_failed_commit_is_a_500_not_a_success(app_with_routes: FastAPI) -> None:
    app = app_with_routes

    @app.post("/too-long", status_code=201)
    async def too_long(session: dependencies.SessionDep) -> dict[str, str]:  # type: ignore[name-defined]
        # VARCHAR(30) (and no such owner): PostgreSQL refuses the row when the commit flushes it.
        session.add(Tag(name="x" * 31, owner_id=2**31 - 1))
        return {"status": "created"}

    # Week 10: the app's lifespan makes its sessionmaker (without it, any request is a 500).
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await client.post("/too-long")

    # The commit runs before the response is sent: the client learns that nothing was saved.
    assert response.status_code == 500


async def test_a_constraint_broken_meanwhile_is_translated_to_a_problem(
    app_with_routes: FastAPI, asgi_client: ClientFactory, ann: Account
) -> None:
    app = app_with_routes

    @app.post("/raced")
    async def raced(session: dependencies.SessionDep) -> None:  # type: ignore[name-defined]
        # What a concurrent request does between the service's check and this INSERT.
        session.add(Tag(name="twice", owner_id=ann.id))
        await session.flush()
        session.add(Tag(name="TWICE", owner_id=ann.id))
        await session.flush()

    client = await asgi_client(app)
    response = await client.post("/raced")

    assert response.status_code == 409, response.text
    assert response.json()["detail"] == "A tag with this name already exists"
    tags = await client.get("/api/v1/tags", headers=ann.headers)
    assert tags.json() == []  # and nothing was kept


async def test_the_app_opens_its_own_engine_on_its_database_url(
    committed: FastAPI, asgi_client: ClientFactory
) -> None:
    # No override: the lifespan makes the engine and the sessionmaker from the URL.
    app = committed
    client = await asgi_client(app)
    # A valid token of a user that does not exist: the app must look in ITS database to say so.
    token = app.state.tokens.access_token(
        2**31 - 1, frozenset({"tasks:read"}), datetime.now(UTC), uuid.uuid4()
    )

    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401  # reads only: leaves the shared database as is
