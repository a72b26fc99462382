"""Your tests of the Task Manager API. This one is an example: add yours beside it.

A good test here fails when the API breaks a rule of the brief: a status code, a body, a rule
about categories, tags and filters. ``make check-week 3`` runs them against copies of the reference
solution with realistic bugs planted in them and tells you how many your tests caught.
"""

import httpx


async def test_a_created_category_can_be_read_back(client: httpx.AsyncClient) -> None:
    created = await client.post("/categories", json={"name": "Work"})

    assert created.status_code == 201
    read = await client.get(f"/categories/{created.json()['id']}")
    assert read.status_code == 200
    assert read.json()["name"] == "Work"
