"""Your tests of the tenancy rules. This one is an example: add yours beside it.

A good test here fails when a tenant can see or change what is not theirs, or a role can do more
than the README's API table allows: another organisation's data, by list or by id, in a URL or
in a body; each role at the edge of what it may do; what a soft delete hides; the rules that keep
an organisation administrable. ``make check-week 13`` runs your tests against copies of the
reference solution with realistic bugs planted in them and tells you how many your tests caught.
"""

from collections.abc import Awaitable, Callable

import httpx

Headers = dict[str, str]


async def test_a_viewer_reads_projects_but_cannot_create_one(
    client: httpx.AsyncClient, sign_up: Callable[[str], Awaitable[Headers]]
) -> None:
    admin, viewer = await sign_up("admin"), await sign_up("viewer")
    org = (await client.post("/orgs", json={"name": "Acme", "slug": "acme"}, headers=admin)).json()
    me = (await client.get("/users/me", headers=viewer)).json()
    invited = await client.post(
        f"/orgs/{org['id']}/invitations",
        json={"email": me["email"], "role": "viewer"},
        headers=admin,
    )
    accepted = await client.post(
        "/invitations/accept", json={"token": invited.json()["token"]}, headers=viewer
    )
    assert accepted.status_code == 200

    listed = await client.get(f"/orgs/{org['id']}/projects", headers=viewer)
    created = await client.post(f"/orgs/{org['id']}/projects", json={"name": "X"}, headers=viewer)

    assert listed.status_code == 200
    assert created.status_code == 403
    assert created.headers["content-type"] == "application/problem+json"
