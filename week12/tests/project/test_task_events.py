"""Task 4: every change to a task reaches its owner's open sockets, after the commit, and no one
else's: created, updated, deleted (with the task's id, the owner's id, a unique event id), for a
task made one by one or by the v2 import; a write that fails announces nothing.

Real sockets on the app served by uvicorn (``live``), where every request commits for real.
"""

import pytest

from .conftest import Live
from .realtime import api, events_of, new_user, receive

pytestmark = [pytest.mark.task(4), pytest.mark.points(3)]


async def test_the_owner_hears_created_updated_deleted(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with events_of(live.url, ann.access_token) as ws, api(live.url, ann) as http:
        created = await http.post("/tasks", json={"title": "Live"})
        assert created.status_code == 201, created.text
        task_id = created.json()["id"]
        assert (await http.patch(f"/tasks/{task_id}", json={"priority": "high"})).status_code == 200
        assert (await http.put(f"/tasks/{task_id}", json={"title": "Live 2"})).status_code == 200
        assert (await http.delete(f"/tasks/{task_id}")).status_code == 204

        events = [await receive(ws) for _ in range(4)]

    assert [event["type"] for event in events] == [
        "task.created", "task.updated", "task.updated", "task.deleted",
    ]  # fmt: skip
    for event in events:
        assert event["task_id"] == task_id
        assert event["owner_id"] == ann.id
        assert event["report_id"] is None
    assert len({event["id"] for event in events}) == 4  # every event its own id


async def test_only_the_owner_hears_and_on_every_socket(live: Live) -> None:
    ann, bob = await new_user(live.url, "ann"), await new_user(live.url, "bob")
    async with (
        events_of(live.url, ann.access_token) as phone,
        events_of(live.url, ann.access_token) as laptop,
        events_of(live.url, bob.access_token) as bobs,
        api(live.url, ann) as ann_http,
        api(live.url, bob) as bob_http,
    ):
        created = (await ann_http.post("/tasks", json={"title": "Ann's"})).json()
        for ws in (phone, laptop):
            assert (await receive(ws))["task_id"] == created["id"]

        # Bob heard nothing of Ann's: the first thing he hears is his own task.
        own = (await bob_http.post("/tasks", json={"title": "Bob's"})).json()
        event = await receive(bobs)
        assert (event["type"], event["task_id"], event["owner_id"]) == (
            "task.created", own["id"], bob.id,
        )  # fmt: skip


async def test_a_failed_write_announces_nothing(live: Live) -> None:
    ann, bob = await new_user(live.url, "ann"), await new_user(live.url, "bob")
    async with (
        events_of(live.url, ann.access_token) as ws,
        api(live.url, ann) as http,
        api(live.url, bob) as bob_http,
    ):
        task_id = (await http.post("/tasks", json={"title": "Mine"})).json()["id"]
        assert (await receive(ws))["type"] == "task.created"

        # Not found (Bob's view of Ann's task), invalid, a missing category: no event.
        assert (await bob_http.patch(f"/tasks/{task_id}", json={"title": "x"})).status_code == 404
        assert (await bob_http.delete(f"/tasks/{task_id}")).status_code == 404
        assert (await http.patch(f"/tasks/{task_id}", json={"priority": "?"})).status_code == 422
        bad = await http.post("/tasks", json={"title": "x", "category_id": 2_000_000})
        assert bad.status_code == 422
        assert (await http.delete("/tasks/2000000")).status_code == 404

        assert (await http.delete(f"/tasks/{task_id}")).status_code == 204
        event = await receive(ws)  # the next event is the delete: none came before it
        assert (event["type"], event["task_id"]) == ("task.deleted", task_id)


async def test_an_import_announces_each_new_task(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    headers = {"Authorization": f"Bearer {ann.access_token}"}
    async with events_of(live.url, ann.access_token) as ws, api(live.url, ann) as http:
        rows = [{"title": "One"}, {"title": "Two"}]
        response = await http.post(
            f"{live.url}/api/v2/tasks/import", json={"tasks": rows}, headers=headers
        )
        assert response.status_code == 201, response.text
        events = [await receive(ws) for _ in rows]
    assert [event["type"] for event in events] == ["task.created", "task.created"]
    assert len({event["task_id"] for event in events}) == 2
