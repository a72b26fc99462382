"""Every route of the app, tried across organisations and roles (see ``isolation.py``), and the
proof that the suite can fail: planted routes without the checks are caught."""

from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

from .conftest import SECRET, Org, World
from .isolation import behaviour_violations, operations, structure_violations

pytestmark = pytest.mark.task(2)

settings = impl_module("capstone", "settings")
dependencies = impl_module("capstone", "dependencies")
tenancy = impl_module("capstone", "tenancy.dependencies")
Task = impl_module("capstone", "tasks.models").Task
# The planted routes' dependencies, spelled out (the app's aliases are not types to mypy here).
Session = Annotated[AsyncSession, Depends(dependencies.get_session, scope="function")]
User = Annotated[Any, Depends(impl_module("capstone", "auth.dependencies").get_current_user)]
Viewer = Annotated[Any, Depends(tenancy.RequireRole(tenancy.Role.viewer))]
APP_OPERATIONS = operations(
    impl_module("capstone", "main").create_app(
        settings=settings.Settings(jwt_secret=SECRET, cursor_secret=SECRET)
    )
)
TENANT_OPERATIONS = [op for op in APP_OPERATIONS if op[2] is not None]


def test_the_suite_sees_every_route() -> None:
    assert len(APP_OPERATIONS) >= 20
    assert len(TENANT_OPERATIONS) >= 12


@pytest.mark.parametrize(("method", "path", "role"), APP_OPERATIONS)
def test_every_route_is_scoped_or_deliberately_tenant_free(
    method: str, path: str, role: str | None
) -> None:
    assert structure_violations(method, path, role) == []


@pytest.mark.parametrize(("method", "path", "role"), TENANT_OPERATIONS)
async def test_every_tenant_route_across_organisations_and_roles(
    world: World, app: Any, acme: Org, globex: Org, method: str, path: str, role: str
) -> None:
    assert await behaviour_violations(world, app, acme, globex, method, path, role) == []


async def test_planted_routes_without_the_checks_are_caught(
    world: World, fresh_app: Any, acme: Org, globex: Org
) -> None:
    """Two-sidedness: a route that forgets the tenancy dependency, and one that has it but reads
    by id without the organisation (not through ``TenantRepository``), both fail the suite."""

    planted_app: FastAPI = fresh_app

    @planted_app.get("/api/v1/orgs/{org_id}/leaky-titles")
    async def leaky_titles(org_id: int, user: User, session: Session) -> list[str]:
        return list(await session.scalars(select(Task.title)))  # every organisation's

    @planted_app.get("/api/v1/orgs/{org_id}/leaky-tasks/{task_id}")
    async def leaky_task(task_id: int, tenant: Viewer, session: Session) -> str:
        task = await session.get(Task, task_id)  # by id alone: any organisation's task
        return task.title if task else ""

    planted = {(m, p): r for m, p, r in operations(fresh_app) if "leaky" in p}
    unprotected, unscoped = ("GET", "/api/v1/orgs/{org_id}/leaky-titles"), (
        "GET", "/api/v1/orgs/{org_id}/leaky-tasks/{task_id}")  # fmt: skip
    assert structure_violations(*unprotected, planted[unprotected]) != []
    assert structure_violations(*unscoped, planted[unscoped]) == []  # it has the dependency...
    found = await behaviour_violations(world, fresh_app, acme, globex, *unscoped, "viewer")
    assert found == [f"GET {unscoped[1]}: acme's ids in globex's URL got 200"]  # ...but leaks
    found = await behaviour_violations(world, fresh_app, acme, globex, *unprotected, "viewer")
    assert f"GET {unprotected[1]}: another organisation's admin got 200" in found
