"""Organisations, members and invitations."""

from datetime import timedelta

import httpx
import pytest

from .conftest import MovableClock, Org, World

pytestmark = pytest.mark.task(3)


async def test_the_creator_of_an_organisation_is_its_admin(world: World) -> None:
    person = await world.person("founder")
    client = await world.client(person)
    created = await client.post("/orgs", json={"name": "Initech", "slug": "initech"})
    assert created.status_code == 201
    assert created.json()["role"] == "admin"
    org_id = created.json()["id"]
    assert [o["id"] for o in (await client.get("/orgs")).json()] == [org_id]
    assert (await client.get(f"/orgs/{org_id}")).json()["slug"] == "initech"
    members = (await client.get(f"/orgs/{org_id}/members")).json()
    assert [(m["user_id"], m["role"]) for m in members] == [(person.id, "admin")]
    taken = await client.post("/orgs", json={"name": "Other", "slug": "initech"})
    assert taken.status_code == 409


async def test_an_admin_changes_roles_and_removes_members(
    admin: httpx.AsyncClient, acme: Org
) -> None:
    promoted = await admin.patch(
        f"/orgs/{acme.id}/members/{acme.viewer.id}", json={"role": "member"}
    )
    assert promoted.json()["role"] == "member"
    removed = await admin.delete(f"/orgs/{acme.id}/members/{acme.member.id}")
    assert removed.status_code == 204
    members = {m["user_id"] for m in (await admin.get(f"/orgs/{acme.id}/members")).json()}
    assert members == {acme.admin.id, acme.viewer.id}
    unknown = await admin.delete(f"/orgs/{acme.id}/members/{acme.member.id}")
    assert unknown.status_code == 404


async def test_the_last_admin_cannot_leave_or_step_down(
    admin: httpx.AsyncClient, acme: Org
) -> None:
    demote = await admin.patch(f"/orgs/{acme.id}/members/{acme.admin.id}", json={"role": "member"})
    leave = await admin.delete(f"/orgs/{acme.id}/members/{acme.admin.id}")
    assert [demote.status_code, leave.status_code] == [409, 409]
    await admin.patch(f"/orgs/{acme.id}/members/{acme.member.id}", json={"role": "admin"})
    assert (await admin.delete(f"/orgs/{acme.id}/members/{acme.admin.id}")).status_code == 204


async def test_an_invitation_is_accepted_once_by_its_addressee(
    world: World, admin: httpx.AsyncClient, acme: Org
) -> None:
    invitee, stranger = await world.person("invitee"), await world.person("stranger")
    sent = await admin.post(
        f"/orgs/{acme.id}/invitations", json={"email": invitee.email, "role": "viewer"}
    )
    assert sent.status_code == 201
    token = sent.json()["token"]
    assert [i["email"] for i in (await admin.get(f"/orgs/{acme.id}/invitations")).json()] == [
        invitee.email
    ]
    wrong_person = await (await world.client(stranger)).post(
        "/invitations/accept", json={"token": token}
    )
    assert wrong_person.status_code == 404
    client = await world.client(invitee)
    accepted = await client.post("/invitations/accept", json={"token": token})
    assert accepted.status_code == 200
    assert (accepted.json()["id"], accepted.json()["role"]) == (acme.id, "viewer")
    assert (await client.get(f"/orgs/{acme.id}/projects")).status_code == 200
    again = await client.post("/invitations/accept", json={"token": token})
    assert again.status_code == 409
    assert (await admin.get(f"/orgs/{acme.id}/invitations")).json() == []


async def test_an_invitation_expires(
    world: World, admin: httpx.AsyncClient, acme: Org, clock: MovableClock
) -> None:
    invitee = await world.person("late")
    sent = await admin.post(f"/orgs/{acme.id}/invitations", json={"email": invitee.email})
    clock.advance(timedelta(days=8))
    client = await world.client(invitee)
    # The access token was made at real time: a new one at the moved clock.
    client.headers["Authorization"] = "Bearer " + world.app.state.tokens.access_token(
        invitee.id, clock()
    )
    late = await client.post("/invitations/accept", json={"token": sent.json()["token"]})
    assert late.status_code == 409
    assert "expired" in late.json()["detail"]


async def test_a_member_cannot_be_invited_twice_into_membership(
    world: World, admin: httpx.AsyncClient, acme: Org
) -> None:

    sent = await admin.post(f"/orgs/{acme.id}/invitations", json={"email": acme.viewer.email})
    client = await world.client(acme.viewer)
    response = await client.post("/invitations/accept", json={"token": sent.json()["token"]})
    assert response.status_code == 409
