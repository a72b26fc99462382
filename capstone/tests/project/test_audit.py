"""The audit log: every mutation leaves an event in its own transaction; admins read it."""

from typing import Any

import httpx
import pytest

from .conftest import Org

pytestmark = pytest.mark.task(4)


async def events(admin: httpx.AsyncClient, org: Org, **params: Any) -> list[dict[str, Any]]:
    response = await admin.get(f"/orgs/{org.id}/audit-events", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_mutations_are_recorded_with_actor_before_and_after(
    admin: httpx.AsyncClient, member: httpx.AsyncClient, acme: Org
) -> None:
    await member.patch(f"/orgs/{acme.id}/tasks/{acme.task_id}", json={"status": "in_progress"})
    await member.post(f"/orgs/{acme.id}/projects", json={"name": "Audited"})
    latest, previous = await events(admin, acme, limit=2)
    assert (latest["action"], latest["actor_id"], latest["before"]) == (
        "project.created",
        acme.member.id,
        None,
    )
    assert previous["action"] == "task.updated"
    assert (previous["before"]["status"], previous["after"]["status"]) == ("todo", "in_progress")


async def test_a_failed_mutation_leaves_no_event(
    admin: httpx.AsyncClient, member: httpx.AsyncClient, acme: Org
) -> None:
    before = await events(admin, acme)
    clash = await member.post(f"/orgs/{acme.id}/projects", json={"name": "secret of acme"})
    assert clash.status_code == 409
    assert await events(admin, acme) == before


async def test_events_page_newest_first_and_filter_by_entity(
    admin: httpx.AsyncClient, acme: Org
) -> None:

    for name in ("One", "Two", "Three"):
        await admin.post(f"/orgs/{acme.id}/projects", json={"name": name})
    await admin.post(f"/orgs/{acme.id}/invitations", json={"email": "x@example.com"})
    first = (
        await admin.get(
            f"/orgs/{acme.id}/audit-events", params={"limit": 2, "entity_type": "project"}
        )
    ).json()
    rest = await events(admin, acme, limit=2, entity_type="project", cursor=first["next_cursor"])
    names = [e["after"]["name"] for e in first["items"] + rest]
    assert names == ["Three", "Two", "One"]
    assert (await events(admin, acme, limit=1))[0]["action"] == "invitation.created"
