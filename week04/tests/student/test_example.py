"""Your tests of the Task Manager API v2. This one is an example: add yours beside it.

A good test here fails when the API breaks a rule of the README's "v2 data rules": a status code,
a refused input, a page boundary, a cursor, an idempotency key, a link. ``make check-week 4`` runs
your tests against copies of the reference solution with realistic bugs planted in them and tells
you how many your tests caught.
"""

import httpx


async def test_a_created_task_is_read_back_through_its_self_link(v2: httpx.AsyncClient) -> None:
    created = await v2.post("/tasks", json={"title": "Write tests", "state": "done"})
    assert created.is_success, created.text

    read = await v2.get(created.json()["links"]["self"])

    assert read.status_code == 200
    assert read.json()["state"] == "done"
    assert "status" not in read.json()
