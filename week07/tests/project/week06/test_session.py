"""One session and one transaction per request, committed in one place (task 3)."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module
from testkit.http import ClientFactory

pytestmark = [pytest.mark.task(6), pytest.mark.points(0)]
dependencies = impl_module("week07", "dependencies")
errors = impl_module("week07", "errors")
Tag = impl_module("week07", "tags.models").Tag


async def tag_count(session: AsyncSession, name: str) -> int:
    return int(await session.scalar(select(func.count()).where(Tag.name == name)) or 0)


async def test_a_successful_request_is_committed(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    response = await client.post("/tags", json={"name": "kept"})

    assert response.status_code == 201
    # Without the commit the request's session would roll its work back when it closes.
    assert await tag_count(db_session, "kept") == 1


async def test_a_failed_request_leaves_nothing_behind(
    app: FastAPI, asgi_client: ClientFactory, db_session: AsyncSession
) -> None:
    @app.post("/half-done")
    async def half_done(session: dependencies.SessionDep) -> None:  # type: ignore[name-defined]
        session.add(Tag(name="half"))
        await session.flush()  # the INSERT ran...
        raise errors.ConflictError("...then a rule said no")

    client = await asgi_client(app)
    response = await client.post("/half-done")

    assert response.status_code == 409
    assert await tag_count(db_session, "half") == 0  # ...and was rolled back


async def test_all_repositories_of_a_request_share_one_session(
    app: FastAPI, asgi_client: ClientFactory
) -> None:
    seen: list[Any] = []

    @app.get("/sessions")
    async def sessions(
        tasks: dependencies.TaskRepositoryDep,  # type: ignore[name-defined]
        tags: dependencies.TagRepositoryDep,  # type: ignore[name-defined]
    ) -> None:
        seen.extend([tasks.session, tags.session])

    client = await asgi_client(app)
    await client.get("/sessions")
    await client.get("/sessions")

    assert seen[0] is seen[1]  # one request: one session (and one transaction)
    assert seen[2] is not seen[0]  # the next request: a new one


async def test_a_failed_commit_is_a_500_not_a_success(app: FastAPI) -> None:
    @app.post("/too-long", status_code=201)
    async def too_long(session: dependencies.SessionDep) -> dict[str, str]:  # type: ignore[name-defined]
        # VARCHAR(30): PostgreSQL refuses the row when the commit flushes it.
        session.add(Tag(name="x" * 31))
        return {"status": "created"}

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post("/too-long")

    # The commit runs before the response is sent: the client learns that nothing was saved.
    assert response.status_code == 500


async def test_a_constraint_broken_meanwhile_is_translated_to_a_problem(
    app: FastAPI, asgi_client: ClientFactory
) -> None:
    @app.post("/raced")
    async def raced(session: dependencies.SessionDep) -> None:  # type: ignore[name-defined]
        # What a concurrent request does between the service's check and this INSERT.
        session.add(Tag(name="twice"))
        await session.flush()
        session.add(Tag(name="TWICE"))
        await session.flush()

    client = await asgi_client(app)
    response = await client.post("/raced")

    assert response.status_code == 409, response.text
    assert response.json()["detail"] == "A tag with this name already exists"
    assert (await client.get("/api/v1/tags")).json() == []  # and nothing was kept


async def test_the_app_opens_its_own_engine_on_its_database_url(
    postgres_url: str, asgi_client: ClientFactory
) -> None:
    # No override: the lifespan makes the engine and the sessionmaker from the URL.
    client = await asgi_client(impl_module("week07", "main").create_app(postgres_url))

    response = await client.get(
        "/api/v1/categories"
    )  # reads only: leaves the shared database as is

    assert response.status_code == 200
    assert response.json() == []
