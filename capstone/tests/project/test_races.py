"""Simultaneous writes over committed transactions (the hostile suite's bursts, here with the
answers spelled out): of identical deletes one wins and the others find nothing (404, one audit
event); identical updates without ``If-Match`` all apply, one after the other; a project is never
deleted under a task being created in it."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from testkit import impl_module
from testkit.db import async_url
from testkit.http import ClientFactory

from .alembic_helpers import migrate

BURST = 6


@dataclass
class Racing:
    client: httpx.AsyncClient  # a member of ``org``, every request its own transaction
    engine: AsyncEngine
    org: int

    async def scalar(self, sql: str, **params: Any) -> Any:
        async with self.engine.connect() as conn:
            return await conn.scalar(text(sql), params)

    async def new_project(self) -> int:
        async with self.engine.begin() as conn:
            return int(await conn.scalar(text(
                "INSERT INTO projects (org_id, name) VALUES (:o, 'P' || nextval('projects_id_seq')) "
                "RETURNING id"), {"o": self.org}))  # fmt: skip

    async def burst(self, *requests: Any) -> Counter[int]:
        return Counter(answer.status_code for answer in await asyncio.gather(*requests))


@pytest.fixture
async def racing(
    fresh_url: str, settings: Any, asgi_client: ClientFactory
) -> AsyncIterator[Racing]:
    await migrate(fresh_url, "upgrade", "head")
    engine = create_async_engine(async_url(fresh_url))
    try:
        async with engine.begin() as conn:
            user = await conn.scalar(text(
                "INSERT INTO users (email, password_hash) VALUES ('r@example.com', 'x') RETURNING id"))  # fmt: skip
            org = await conn.scalar(text(
                "INSERT INTO organisations (name, slug) VALUES ('R', 'r') RETURNING id"))  # fmt: skip
            await conn.execute(text(
                "INSERT INTO memberships (org_id, user_id, role) VALUES (:o, :u, 'member')"),
                {"o": org, "u": user})  # fmt: skip
        app = impl_module("capstone", "main").create_app(database=fresh_url, settings=settings)
        token = app.state.tokens.access_token(user, datetime.now(UTC))
        client = await asgi_client(
            app,
            base_url=f"http://testserver/api/v1/orgs/{org}",
            headers={"Authorization": f"Bearer {token}"},
        )
        yield Racing(client, engine, org)
    finally:
        await engine.dispose()


@pytest.mark.task(5)
async def test_simultaneous_project_deletes_and_task_creates(racing: Racing) -> None:
    project = await racing.new_project()
    deletes = await racing.burst(
        *(racing.client.delete(f"/projects/{project}") for _ in range(BURST))
    )
    assert deletes == {204: 1, 404: BURST - 1}
    events = "SELECT count(*) FROM audit_events WHERE action = 'project.deleted' AND entity_id = :p"
    assert await racing.scalar(events, p=project) == 1

    project = await racing.new_project()
    body = {"project_id": project, "title": "Racing the delete"}
    answers = await racing.burst(
        racing.client.delete(f"/projects/{project}"),
        *(racing.client.post("/tasks", json=body) for _ in range(BURST - 1)),
    )
    assert set(answers) <= {204, 409, 201, 422}, answers
    # Either the tasks came first (the delete is a 409) or the delete did (the tasks are 422s).
    orphans = (
        "SELECT count(*) FROM tasks JOIN projects ON projects.id = tasks.project_id "
        "WHERE tasks.deleted_at IS NULL AND projects.deleted_at IS NOT NULL"
    )
    assert await racing.scalar(orphans) == 0
    assert answers[204] + answers[409] == 1


@pytest.mark.task(6)
async def test_simultaneous_task_writes_without_if_match(racing: Racing) -> None:
    project = await racing.new_project()
    task = (await racing.client.post("/tasks", json={"project_id": project, "title": "T"})).json()

    patches = await racing.burst(
        *(racing.client.patch(f"/tasks/{task['id']}", json={"title": "Same"}) for _ in range(BURST))
    )
    assert patches == {200: BURST}  # no If-Match, no 412: the last write wins
    version = "SELECT version FROM tasks WHERE id = :t"
    assert await racing.scalar(version, t=task["id"]) == 1 + BURST  # each applied, in turn

    deletes = await racing.burst(
        *(racing.client.delete(f"/tasks/{task['id']}") for _ in range(BURST))
    )
    assert deletes == {204: 1, 404: BURST - 1}  # no precondition was sent: 404, not 412
