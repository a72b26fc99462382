"""Lecture 2: one dependency and one repository base keep every tenant in its own rows."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from capstone.lectures.l2_isolation import (
    Membership,
    Organisation,
    Plan,
    Project,
    ProjectRepository,
    Role,
    Tenant,
    create_app,
)
from httpx import AsyncClient
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from testkit.http import ClientFactory

ADA, BOB, VIC = 1, 2, 3  # Ada is in org 1, Bob in org 2, Vic a viewer in org 1
ORG1 = {"X-User-Id": str(ADA)}
ORG2 = {"X-User-Id": str(BOB)}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    async with engine.begin() as conn:
        await conn.execute(insert(Plan), [{"id": 1, "name": "free", "max_projects": 3}])
        await conn.execute(
            insert(Organisation),
            [{"id": 1, "name": "Acme", "plan_id": 1}, {"id": 2, "name": "Globex", "plan_id": 1}],
        )
        await conn.execute(
            insert(Membership),
            [
                {"org_id": 1, "user_id": ADA, "role": "admin"},
                {"org_id": 2, "user_id": BOB, "role": "admin"},
                {"org_id": 1, "user_id": VIC, "role": "viewer"},
            ],
        )
        await conn.execute(
            insert(Project),
            [
                {"id": 10, "org_id": 1, "name": "Acme site"},
                {"id": 20, "org_id": 2, "name": "Globex app"},
            ],
        )
    yield engine
    async with engine.begin() as conn:
        await conn.execute(delete(Organisation))
        await conn.execute(delete(Plan))


@pytest_asyncio.fixture(loop_scope="session")
async def client(seeded: AsyncEngine, asgi_client: ClientFactory) -> AsyncClient:
    return await asgi_client(create_app(seeded))


async def test_a_member_sees_only_the_projects_of_the_organisation(client: AsyncClient) -> None:
    acme = await client.get("/orgs/1/projects", headers=ORG1)
    globex = await client.get("/orgs/2/projects", headers=ORG2)
    assert [p["name"] for p in acme.json()] == ["Acme site"]
    assert [p["name"] for p in globex.json()] == ["Globex app"]


@pytest.mark.parametrize("org_id", [2, 999])
async def test_another_or_a_missing_organisation_is_the_same_404(
    client: AsyncClient, org_id: int
) -> None:
    response = await client.get(f"/orgs/{org_id}/projects", headers=ORG1)
    assert response.status_code == 404
    assert response.json() == {"detail": "organisation not found"}


async def test_another_tenants_project_by_id_is_not_found_in_mine(client: AsyncClient) -> None:
    assert (await client.get("/orgs/1/projects/10", headers=ORG1)).status_code == 200
    # project 20 exists, in org 2: asked through org 1 (where Ada is a member) it does not
    response = await client.get("/orgs/1/projects/20", headers=ORG1)
    assert response.status_code == 404


async def test_a_new_project_belongs_to_the_path_tenant_not_to_the_body(
    client: AsyncClient, seeded: AsyncEngine
) -> None:
    response = await client.post(
        "/orgs/1/projects", headers=ORG1, json={"name": "New", "org_id": 2}
    )
    assert response.status_code == 201
    created = response.json()["id"]
    assert (await client.get(f"/orgs/2/projects/{created}", headers=ORG2)).status_code == 404
    assert (await client.get(f"/orgs/1/projects/{created}", headers=ORG1)).status_code == 200
    async with seeded.begin() as conn:
        await conn.execute(delete(Project).where(Project.id == created))


async def test_a_viewer_reads_but_cannot_write(client: AsyncClient) -> None:
    viewer = {"X-User-Id": str(VIC)}
    assert (await client.get("/orgs/1/projects", headers=viewer)).status_code == 200
    response = await client.post("/orgs/1/projects", headers=viewer, json={"name": "Nope"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/orgs/0/projects", ORG1),
        ("/orgs/9223372036854775808/projects", ORG1),
        ("/orgs/1/projects", {"X-User-Id": "abc"}),
        ("/orgs/1/projects", {}),
        ("/orgs/1/projects/0", ORG1),
    ],
)
async def test_bad_ids_are_422_before_any_query(
    client: AsyncClient, path: str, headers: dict[str, str]
) -> None:
    assert (await client.get(path, headers=headers)).status_code == 422


async def test_shared_resources_are_the_same_for_every_caller(client: AsyncClient) -> None:
    plans = await client.get("/plans")
    assert plans.json() == [{"name": "free", "max_projects": 3}]


async def test_the_repository_adds_the_tenant_filter_to_every_query(seeded: AsyncEngine) -> None:
    async with AsyncSession(seeded) as session:
        repo = ProjectRepository(session, Tenant(org_id=2, user_id=BOB, role=Role.ADMIN))
        assert "lec_projects.org_id = :org_id_1" in str(repo._select())
        assert await repo.get(10) is None  # org 1's project
        assert [p.id for p in await repo.list()] == [20]
