"""Comments on tasks: @mentions resolved to members of the organisation only, the conversation
oldest first with a cursor, edited by their author only (mentions read again), deleted by their
author or an admin, out of reach with their task, audited."""

from typing import Any

import httpx
import pytest

from testkit import impl_module

from .conftest import Org, Person, World

pytestmark = pytest.mark.task(8)
repository = impl_module("capstone", "comments.repository")


@pytest.mark.parametrize(
    ("body", "addresses"),
    [
        ("@Ann@Example.com, can you look?", {"ann@example.com"}),
        ("(cc @ann@x.org and @bo.b+1@x.co.uk.)", {"ann@x.org", "bo.b+1@x.co.uk"}),
        ("write to ann@x.org or @ann", set()),  # an address, and a name that is no address
        ("@ann@x.org @ANN@x.org", {"ann@x.org"}),
    ],
)
def test_mentions_are_at_signs_before_an_address(body: str, addresses: set[str]) -> None:
    assert repository.mentioned_addresses(body) == addresses


async def test_a_comment_mentions_members_of_its_organisation_only(
    member: httpx.AsyncClient, admin: httpx.AsyncClient, acme: Org, globex: Org
) -> None:
    body = (
        f"@{acme.viewer.email.upper()} and @{acme.admin.email}: ready? "
        f"Not @{globex.member.email}, nor @nobody@example.com."
    )
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    created = await member.post(url, json={"body": body})

    assert created.status_code == 201, created.text
    comment = created.json()
    assert comment["author_id"] == acme.member.id
    assert comment["mentions"] == sorted([acme.viewer.id, acme.admin.id])
    listed = (await member.get(url)).json()["items"]
    assert listed[-1] == comment
    events = (
        await admin.get(f"/orgs/{acme.id}/audit-events", params={"entity_type": "comment"})
    ).json()["items"]
    assert [(e["action"], e["entity_id"], e["after"]) for e in events] == [
        ("comment.created", comment["id"], comment)
    ]


async def test_the_conversation_reads_oldest_first_page_by_page(
    member: httpx.AsyncClient, acme: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    for text in ("first", "second", "third"):
        assert (await member.post(url, json={"body": text})).status_code == 201

    first = (await member.get(url, params={"limit": 2})).json()
    second = (await member.get(url, params={"limit": 2, "cursor": first["next_cursor"]})).json()

    bodies = [c["body"] for c in first["items"] + second["items"]]
    assert bodies == ["secret of acme", "first", "second", "third"]
    assert second["next_cursor"] is None  # the extra row fetched says whether more exist
    new_task = (
        await member.post(
            f"/orgs/{acme.id}/tasks", json={"project_id": acme.project_id, "title": "t"}
        )
    ).json()
    elsewhere = await member.get(
        f"/orgs/{acme.id}/tasks/{new_task['id']}/comments", params={"cursor": first["next_cursor"]}
    )
    assert elsewhere.status_code == 400  # a cursor is valid only for its task


async def test_a_deleted_tasks_comments_are_out_of_reach(
    member: httpx.AsyncClient, acme: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    assert (await member.delete(f"/orgs/{acme.id}/tasks/{acme.task_id}")).status_code == 204

    assert (await member.get(url)).status_code == 404
    assert (await member.post(url, json={"body": "hello?"})).status_code == 404
    one = f"/orgs/{acme.id}/comments/{acme.comment_id}"
    assert (await member.patch(one, json={"body": "hello?"})).status_code == 404
    assert (await member.delete(one)).status_code == 404


async def audit_of(admin: httpx.AsyncClient, acme: Org) -> list[tuple[str, Any, Any]]:
    params = {"entity_type": "comment"}
    events = (await admin.get(f"/orgs/{acme.id}/audit-events", params=params)).json()["items"]
    return [(e["action"], e["before"], e["after"]) for e in events]


async def test_the_author_edits_a_comment_and_its_mentions_are_read_again(
    world: World, member: httpx.AsyncClient, admin: httpx.AsyncClient, acme: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    created = (await member.post(url, json={"body": f"@{acme.viewer.email} look"})).json()
    one = f"/orgs/{acme.id}/comments/{created['id']}"

    edited = await member.patch(one, json={"body": f"@{acme.admin.email} look, not the viewer"})

    assert edited.status_code == 200, edited.text
    assert edited.json()["mentions"] == [acme.admin.id]
    assert edited.json()["body"] == f"@{acme.admin.email} look, not the viewer"
    assert (await member.get(url)).json()["items"][-1] == edited.json()
    assert (await audit_of(admin, acme))[0] == ("comment.updated", created, edited.json())
    # Words in someone else's mouth: not even an admin edits another person's comment.
    for other in (admin, await world.client(await member_of(world, acme))):
        refused = await other.patch(one, json={"body": "I never said that"})
        assert refused.status_code == 403
    assert (await member.patch(one, json={"body": " "})).status_code == 422


async def member_of(world: World, acme: Org) -> Person:
    """Another member of acme: not the author of anything."""
    person = await world.person("acme-other-member")
    await world.join(acme.id, person, "member")
    return person


async def test_the_author_or_an_admin_deletes_a_comment_nobody_else(
    world: World, member: httpx.AsyncClient, admin: httpx.AsyncClient, acme: Org
) -> None:
    other = await world.client(await member_of(world, acme))
    seed = f"/orgs/{acme.id}/comments/{acme.comment_id}"  # the member's
    assert (await other.delete(seed)).status_code == 403
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    own = (await other.post(url, json={"body": f"mine, @{acme.member.email}"})).json()

    assert (await admin.delete(seed)).status_code == 204  # moderation
    assert (await other.delete(f"/orgs/{acme.id}/comments/{own['id']}")).status_code == 204

    assert (await member.get(url)).json()["items"] == []
    assert (await admin.delete(seed)).status_code == 404
    deleted = [(action, before) for action, before, _ in await audit_of(admin, acme)][:2]
    assert deleted == [("comment.deleted", own), ("comment.deleted", {
        "id": acme.comment_id, "task_id": acme.task_id, "author_id": acme.member.id,
        "body": "secret of acme", "mentions": [], "created_at": deleted[1][1]["created_at"]})]  # fmt: skip


async def test_a_blank_or_oversized_comment_is_422_naming_the_body(
    member: httpx.AsyncClient, acme: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}/comments"
    for body in (" \n ", "x" * 10_001):
        response = await member.post(url, json={"body": body})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "body"]
