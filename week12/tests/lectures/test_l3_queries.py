"""Lecture 3: an N+1 found by the per-request query count and fixed with ``selectinload``,
against the session's real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from httpx import AsyncClient
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from week12.lectures.l3_queries import Base, Project, Task, create_app

from testkit import count_queries
from testkit.http import ClientFactory

PROJECTS = 6


@pytest_asyncio.fixture(loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine of the test's own (the app adds an event listener to it), with seeded rows."""
    engine = create_async_engine(postgres_url.replace("postgresql://", "postgresql+asyncpg://", 1))
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    async with engine.begin() as conn:
        await conn.execute(
            insert(Project),
            [{"id": n, "name": f"project {n}"} for n in range(1, PROJECTS + 1)],
        )
        await conn.execute(
            insert(Task),
            [
                {"title": f"task {n}.{k}", "project_id": n}
                for n in range(1, PROJECTS + 1)
                for k in (1, 2)
            ],
        )
    yield engine
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
    await engine.dispose()


async def test_lazy_loading_runs_one_query_per_project_and_is_logged(
    engine: AsyncEngine, asgi_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    client: AsyncClient = await asgi_client(create_app(engine, budget=5))
    with count_queries(engine) as queries:
        response = await client.get("/projects/lazy")
    assert response.status_code == 200
    assert len(response.json()) == PROJECTS
    assert queries.count == 1 + PROJECTS  # the N+1
    assert response.headers["X-Query-Count"] == str(1 + PROJECTS)
    assert "GET /projects/lazy ran 7 queries (budget 5): an N+1?" in caplog.messages


async def test_selectinload_needs_two_queries_whatever_the_number_of_projects(
    engine: AsyncEngine, asgi_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    client: AsyncClient = await asgi_client(create_app(engine, budget=5))
    with count_queries(engine) as queries:
        response = await client.get("/projects")
    assert queries.count == 2
    assert response.headers["X-Query-Count"] == "2"
    assert response.json()[0] == {"name": "project 1", "tasks": ["task 1.1", "task 1.2"]}
    assert (
        response.json() == (await client.get("/projects/lazy")).json()
    )  # same answer, fewer trips
    assert not [m for m in caplog.messages if "GET /projects " in m]
