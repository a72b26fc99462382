"""Projects and tasks: references checked within the organisation, the status workflow, filters,
cursor pagination, ETag/If-Match, soft deletes."""

from typing import Any

import httpx
import pytest

from .conftest import Org

pytestmark = pytest.mark.task(6)


async def new_task(client: httpx.AsyncClient, org: Org, **fields: Any) -> dict[str, Any]:
    body = {"project_id": org.project_id, "title": "Write the spec", **fields}
    response = await client.post(f"/orgs/{org.id}/tasks", json=body)
    assert response.status_code == 201, response.text
    task: dict[str, Any] = response.json()
    return task


@pytest.mark.task(5)
async def test_projects_crud_with_names_unique_among_live_projects(
    member: httpx.AsyncClient, acme: Org
) -> None:
    created = await member.post(f"/orgs/{acme.id}/projects", json={"name": "Website"})
    assert created.status_code == 201
    project_id = created.json()["id"]
    duplicate = await member.post(f"/orgs/{acme.id}/projects", json={"name": "WEBSITE"})
    assert duplicate.status_code == 409
    renamed = await member.patch(
        f"/orgs/{acme.id}/projects/{project_id}", json={"description": "v2"}
    )
    assert renamed.json()["description"] == "v2"
    clash = await member.patch(
        f"/orgs/{acme.id}/projects/{project_id}", json={"name": "secret of acme"}
    )
    assert clash.status_code == 409
    assert (await member.delete(f"/orgs/{acme.id}/projects/{project_id}")).status_code == 204
    assert (await member.get(f"/orgs/{acme.id}/projects/{project_id}")).status_code == 404
    names = [p["name"] for p in (await member.get(f"/orgs/{acme.id}/projects")).json()]
    assert names == ["secret of acme"]
    again = await member.post(f"/orgs/{acme.id}/projects", json={"name": "Website"})
    assert again.status_code == 201  # a deleted project's name is free again


@pytest.mark.task(5)
async def test_a_project_with_live_tasks_cannot_be_deleted(
    member: httpx.AsyncClient, acme: Org
) -> None:
    task = await new_task(member, acme)
    refused = await member.delete(f"/orgs/{acme.id}/projects/{acme.project_id}")
    assert refused.status_code == 409  # a live task would refer to a deleted project
    assert (await member.delete(f"/orgs/{acme.id}/tasks/{task['id']}")).status_code == 204
    left = await member.get(f"/orgs/{acme.id}/tasks", params={"project_id": acme.project_id})
    for other in left.json()["items"]:
        assert (await member.delete(f"/orgs/{acme.id}/tasks/{other['id']}")).status_code == 204
    assert (await member.delete(f"/orgs/{acme.id}/projects/{acme.project_id}")).status_code == 204


async def test_a_task_names_only_its_own_organisations_project_and_members(
    member: httpx.AsyncClient, acme: Org, globex: Org
) -> None:

    task = await new_task(member, acme, assignee_id=acme.viewer.id, labels=["b", "a", "b"])
    assert (task["status"], task["labels"], task["version"]) == ("todo", ["a", "b"], 1)
    foreign_project = await member.post(
        f"/orgs/{acme.id}/tasks", json={"project_id": globex.project_id, "title": "x"}
    )
    foreign_assignee = await member.patch(
        f"/orgs/{acme.id}/tasks/{task['id']}", json={"assignee_id": globex.member.id}
    )
    assert [foreign_project.status_code, foreign_assignee.status_code] == [422, 422]
    assert foreign_project.json()["errors"][0]["loc"] == ["body", "project_id"]
    assert foreign_assignee.json()["errors"][0]["loc"] == ["body", "assignee_id"]


async def test_the_status_workflow(member: httpx.AsyncClient, acme: Org) -> None:
    task = await new_task(member, acme)
    url = f"/orgs/{acme.id}/tasks/{task['id']}"
    skip = await member.patch(url, json={"status": "done"})
    assert skip.status_code == 409
    for status in ("in_progress", "in_review", "done", "in_progress"):
        response = await member.patch(url, json={"status": status})
        assert response.status_code == 200, (status, response.text)
    assert (await member.patch(url, json={"title": None})).status_code == 422


async def test_if_match_guards_against_lost_updates(member: httpx.AsyncClient, acme: Org) -> None:
    task = await new_task(member, acme)
    url = f"/orgs/{acme.id}/tasks/{task['id']}"
    etag = (await member.get(url)).headers["etag"]
    assert etag == '"1"'
    first = await member.patch(url, json={"title": "Mine"}, headers={"If-Match": etag})
    assert first.headers["etag"] == '"2"'
    stale = await member.patch(url, json={"title": "Theirs"}, headers={"If-Match": etag})
    garbage = await member.patch(url, json={"title": "Theirs"}, headers={"If-Match": "*x"})
    assert [stale.status_code, garbage.status_code] == [412, 412]
    assert (await member.get(url)).json()["title"] == "Mine"


async def test_filters_and_cursor_pagination(member: httpx.AsyncClient, acme: Org) -> None:
    made = [
        await new_task(member, acme, title=f"t{i}", labels=["bug"] if i % 2 else [])
        for i in range(5)
    ]
    await member.patch(
        f"/orgs/{acme.id}/tasks/{made[0]['id']}",
        json={"status": "in_progress", "assignee_id": acme.member.id},
    )
    seen, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await member.get(f"/orgs/{acme.id}/tasks", params=params)).json()
        seen += [t["id"] for t in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert seen == sorted([t["id"] for t in made] + [acme.task_id], reverse=True)
    bugs = (await member.get(f"/orgs/{acme.id}/tasks", params={"label": "bug"})).json()["items"]
    assert {t["title"] for t in bugs} == {"t1", "t3"}
    mine = await member.get(
        f"/orgs/{acme.id}/tasks", params={"assignee_id": acme.member.id, "status": "in_progress"}
    )
    assert [t["id"] for t in mine.json()["items"]] == [made[0]["id"]]
    in_project = await member.get(f"/orgs/{acme.id}/tasks", params={"project_id": acme.project_id})
    assert len(in_project.json()["items"]) == 6


async def test_bad_cursors_are_400(member: httpx.AsyncClient, acme: Org) -> None:
    for _ in range(2):
        await new_task(member, acme)
    cursor = (await member.get(f"/orgs/{acme.id}/tasks", params={"limit": 1})).json()["next_cursor"]
    url = f"/orgs/{acme.id}/tasks"
    other_filters = await member.get(url, params={"limit": 1, "cursor": cursor, "status": "done"})
    tampered = await member.get(url, params={"cursor": cursor[:-2] + "AA"})
    malformed = await member.get(url, params={"cursor": "nonsense"})
    assert [r.status_code for r in (other_filters, tampered, malformed)] == [400, 400, 400]


async def test_a_deleted_task_is_gone_from_reads(member: httpx.AsyncClient, acme: Org) -> None:
    url = f"/orgs/{acme.id}/tasks/{acme.task_id}"
    assert (await member.delete(url)).status_code == 204
    assert (await member.get(url)).status_code == 404
    assert (await member.delete(url)).status_code == 404
    assert (await member.get(f"/orgs/{acme.id}/tasks")).json()["items"] == []


async def test_errors_are_problem_details(member: httpx.AsyncClient, acme: Org) -> None:
    missing = await member.get(f"/orgs/{acme.id}/tasks/999999999")
    too_big = await member.get(f"/orgs/{acme.id}/tasks/{2**63}")
    nowhere = await member.get("/no-such-route")
    assert [missing.status_code, too_big.status_code, nowhere.status_code] == [404, 422, 404]
    assert missing.json()["type"].endswith("/not-found")
    assert all(
        r.headers["content-type"] == "application/problem+json" for r in (missing, too_big, nowhere)
    )
