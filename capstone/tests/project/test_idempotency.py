"""``Idempotency-Key`` on task creation: a retry replays the first answer and creates nothing; the
key with another body is a 422; keys belong to one member; concurrent duplicates make one task
(on a database of its own, where every request commits and the requests really overlap)."""

import asyncio

import httpx
import pytest

from .conftest import Org, Racing, World

pytestmark = pytest.mark.task(6)


async def test_a_retry_with_the_key_replays_the_first_answer(
    world: World, member: httpx.AsyncClient, acme: Org
) -> None:
    url = f"/orgs/{acme.id}/tasks"
    body = {"project_id": acme.project_id, "title": "Ship it", "labels": ["b", "a"]}
    key = {"Idempotency-Key": "8a1c3f0e-create-ship-it"}

    first = await member.post(url, json=body, headers=key)
    # The same request, spelled differently (key order, a default sent): the same request.
    again = await member.post(url, json={"labels": ["a", "b"], "title": "Ship it",
                                         "project_id": acme.project_id, "description": ""},
                              headers=key)  # fmt: skip

    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"]
    titles = [t["title"] for t in (await member.get(url)).json()["items"]]
    assert titles.count("Ship it") == 1
    other = await member.post(url, json={**body, "title": "Something else"}, headers=key)
    assert other.status_code == 422
    assert other.json()["type"].endswith("/idempotency-key-reused")
    # Another member's key is another key; no key at all is no idempotency.
    admin = await world.client(acme.admin)
    assert (await admin.post(url, json=body, headers=key)).json()["id"] != first.json()["id"]
    plain = [await member.post(url, json=body) for _ in range(2)]
    assert plain[0].json()["id"] != plain[1].json()["id"]


async def test_a_blank_or_non_ascii_key_is_422(member: httpx.AsyncClient, acme: Org) -> None:
    body = {"project_id": acme.project_id, "title": "t"}
    for bad in (b"", b"two words", "clé".encode(), b"x" * 256):
        response = await member.post(
            f"/orgs/{acme.id}/tasks", json=body, headers={b"Idempotency-Key": bad}
        )
        assert response.status_code == 422, bad


async def test_concurrent_duplicates_create_one_task(racing: Racing) -> None:
    project = await racing.new_project()
    body = {"project_id": project, "title": "Once"}
    headers = {"Idempotency-Key": "one-task-please"}

    answers = await asyncio.gather(
        *(racing.client.post("/tasks", json=body, headers=headers) for _ in range(6))
    )

    assert [a.status_code for a in answers] == [201] * 6
    assert len({a.json()["id"] for a in answers}) == 1
    assert await racing.scalar("SELECT count(*) FROM tasks") == 1
    assert await racing.scalar("SELECT count(*) FROM idempotency_keys") == 1
