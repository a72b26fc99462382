"""Row-level security, the second line of defence ([ADR 0003](../../docs/adr/0003-rls-second-line.md),
migration 0005): with the app running as ``capstone_app`` (a role that owns nothing, as in
production), a query that forgot the organisation filter still sees only the organisation the
tenancy dependency scoped the transaction to. Two-sided: the same query run by a role that
bypasses RLS (the tests' superuser) sees every organisation's rows.

The tests switch role with ``SET LOCAL ROLE`` on the test's connection, which the app's sessions
share; the test's transaction is rolled back at its end, so the switch never outlives the test.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from testkit import impl_module

from .conftest import Org, World

pytestmark = pytest.mark.task(2)

dependencies = impl_module("capstone", "dependencies")
tenancy = impl_module("capstone", "tenancy.dependencies")
Task = impl_module("capstone", "tasks.models").Task
Session = Annotated[AsyncSession, Depends(dependencies.get_session, scope="function")]
Viewer = Annotated[Any, Depends(tenancy.RequireRole(tenancy.Role.viewer))]
APP_ROLE = "capstone_app"  # migration 0005


@asynccontextmanager
async def as_the_app(db: AsyncConnection) -> AsyncIterator[None]:
    """Run as the application's role until the block ends."""
    await db.execute(text(f"SET LOCAL ROLE {APP_ROLE}"))
    try:
        yield
    finally:
        await db.execute(text("RESET ROLE"))


async def test_a_query_without_the_org_filter_sees_only_the_current_organisation(
    world: World, fresh_app: Any, acme: Org, globex: Org, db_connection: AsyncConnection
) -> None:
    app: FastAPI = fresh_app

    @app.get("/api/v1/orgs/{org_id}/unfiltered-titles")
    async def unfiltered_titles(tenant: Viewer, session: Session) -> list[str]:
        # The bug RLS is there for: no scoped(), no org_id; every organisation's tasks.
        return sorted(await session.scalars(select(Task.title)))

    client = await world.client(acme.viewer, app)
    async with as_the_app(db_connection):
        scoped = await client.get(f"/orgs/{acme.id}/unfiltered-titles")
    bypassed = await client.get(f"/orgs/{acme.id}/unfiltered-titles")
    assert (scoped.status_code, scoped.json()) == (200, ["secret of acme"])
    assert (bypassed.status_code, bypassed.json()) == (200, ["secret of acme", "secret of globex"])


async def test_no_scope_is_no_rows_and_another_organisations_row_is_refused(
    acme: Org, globex: Org, db_connection: AsyncConnection
) -> None:
    count = text("SELECT count(*) FROM tasks")
    async with as_the_app(db_connection):
        assert await db_connection.scalar(count) == 0  # fail closed: no organisation, no rows
        scope = text("SELECT set_config('app.org_id', :org, true)")
        await db_connection.execute(scope, {"org": str(acme.id)})
        assert await db_connection.scalar(count) == 1
        insert = text("INSERT INTO tasks (org_id, project_id, title) VALUES (:o, :p, 'planted')")
        with pytest.raises(DBAPIError, match="row-level security"):
            async with db_connection.begin_nested():
                await db_connection.execute(insert, {"o": globex.id, "p": globex.project_id})
    assert await db_connection.scalar(count) == 2  # the superuser bypasses RLS: both are there


async def test_the_app_works_as_its_role(world: World, db_connection: AsyncConnection) -> None:
    """The grants and policies let every kind of request through: a new organisation (scoped
    before its audit events are written), its work, its audit log."""
    person = await world.person("founder")
    client = await world.client(person)
    async with as_the_app(db_connection):
        org = await client.post("/orgs", json={"name": "Initech", "slug": "initech-rls"})
        assert org.status_code == 201, org.text
        base = f"/orgs/{org.json()['id']}"
        project = await client.post(f"{base}/projects", json={"name": "TPS reports"})
        assert project.status_code == 201, project.text
        task = await client.post(
            f"{base}/tasks", json={"project_id": project.json()["id"], "title": "New cover sheet"}
        )
        assert task.status_code == 201, task.text
        comment = await client.post(
            f"{base}/tasks/{task.json()['id']}/comments", json={"body": f"@{person.email}"}
        )
        assert comment.status_code == 201, comment.text
        events = await client.get(f"{base}/audit-events")
        assert events.status_code == 200, events.text
    actions = [event["action"] for event in events.json()["items"]]
    assert actions == ["comment.created", "task.created", "project.created", "member.added",
                       "organisation.created"]  # fmt: skip
