"""Inherited guard (0 points) under task 2: the cached reads of week 10. Creating a task now
goes through the service that writes the outbox message, and it must still make the cached reads
stale: read, write, read again, and the second read shows the write."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.db import count_queries

from ..factories import V1, Account, create_task

pytestmark = [pytest.mark.task(2), pytest.mark.points(0)]  # inherited: a guard, no points
V2 = "http://testserver/api/v2"


def task_queries(statements: list[str]) -> list[str]:
    """The statements that read the tasks table (not the token's user, not the tag links)."""
    return [s for s in statements if "FROM tasks" in s]


async def reads(client: httpx.AsyncClient) -> dict[str, Any]:
    """What the cached endpoints answer now: v1's list, v2's first page, the statistics."""
    v1 = await client.get(f"{V1}/tasks")
    page = await client.get(f"{V2}/tasks?limit=50")
    stats = await client.get(f"{V2}/tasks/stats")
    for response in (v1, page, stats):
        assert response.status_code == 200, response.text
    return {"v1": v1.json(), "v2": page.json()["items"], "stats": stats.json()}


async def test_a_repeated_read_does_not_touch_the_tasks_table(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    for _ in range(3):
        await create_task(v2)
    first = await reads(v2)
    with count_queries(db_engine) as queries:
        second = await reads(v2)
    assert second == first
    assert task_queries(queries.statements) == []
    assert first["stats"]["total"] == 3


async def test_each_filter_sort_and_page_is_its_own_entry(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    for priority in ("low", "high", "high"):
        await create_task(v2, priority=priority)
    urls = ["/tasks?priority=high", "/tasks?priority=low", "/tasks?sort=-id", "/tasks?limit=1"]
    first = [(await v2.get(url)).json()["items"] for url in urls]
    assert [len(items) for items in first] == [2, 1, 3, 1]
    with count_queries(db_engine) as queries:
        again = [(await v2.get(url)).json()["items"] for url in urls]
    assert again == first
    assert task_queries(queries.statements) == []
    cursor = (await v2.get("/tasks?limit=1")).json()["links"]["next"]
    second_page = (await v2.get(cursor)).json()["items"]
    assert second_page[0]["id"] != first[3][0]["id"]  # the cursor is part of the key


async def _create_v1(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    response = await client.post(f"{V1}/tasks", json={"title": "created in v1"})
    assert response.status_code == 201


async def _create_v2(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    response = await client.post(f"{V2}/tasks", json={"title": "created in v2"})
    assert response.status_code == 201


async def _import_v2(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    body = {"tasks": [{"title": "imported 1"}, {"title": "imported 2"}]}
    response = await client.post(f"{V2}/tasks/import", json=body)
    assert response.status_code == 201, response.text


async def _put_v1(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    body = {"title": "replaced in v1", "status": "done"}
    response = await client.put(f"{V1}/tasks/{task['id']}", json=body)
    assert response.status_code == 200


async def _put_v2(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    body = {"title": "replaced in v2", "state": "done"}
    response = await client.put(f"{V2}/tasks/{task['id']}", json=body)
    assert response.status_code == 200, response.text


async def _patch_v1(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    response = await client.patch(f"{V1}/tasks/{task['id']}", json={"status": "done"})
    assert response.status_code == 200


async def _patch_v2(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    response = await client.patch(f"{V2}/tasks/{task['id']}", json={"priority": "high"})
    assert response.status_code == 200, response.text


async def _delete_v1(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    assert (await client.delete(f"{V1}/tasks/{task['id']}")).status_code == 204


async def _delete_v2(client: httpx.AsyncClient, task: dict[str, Any]) -> None:
    assert (await client.delete(f"{V2}/tasks/{task['id']}")).status_code == 204


Write = Callable[[httpx.AsyncClient, dict[str, Any]], Awaitable[None]]
WRITES: dict[str, Write] = {
    "POST /api/v1/tasks": _create_v1,
    "POST /api/v2/tasks": _create_v2,
    "POST /api/v2/tasks/import": _import_v2,
    "PUT /api/v1/tasks/{id}": _put_v1,
    "PUT /api/v2/tasks/{id}": _put_v2,
    "PATCH /api/v1/tasks/{id}": _patch_v1,
    "PATCH /api/v2/tasks/{id}": _patch_v2,
    "DELETE /api/v1/tasks/{id}": _delete_v1,
    "DELETE /api/v2/tasks/{id}": _delete_v2,
}


@pytest.mark.parametrize("write", WRITES)
async def test_a_read_after_a_write_shows_the_write(
    v2: httpx.AsyncClient, db_engine: AsyncEngine, write: str
) -> None:
    task = await create_task(v2, title="the task")
    await create_task(v2, title="another")
    await reads(v2)  # cached
    await reads(v2)  # and served from the cache

    await WRITES[write](v2, task)

    with count_queries(db_engine) as queries:
        cached = await reads(v2)
    assert task_queries(queries.statements)  # stale: read from the database again
    async with httpx.AsyncClient(
        transport=v2._transport, headers=v2.headers, base_url=v2.base_url
    ) as same_user:
        assert cached == await reads(same_user)  # and what the cache holds now is current
    expected = await database_view(v2, db_engine)
    assert [t["id"] for t in cached["v1"]] == expected["ids"]
    assert [t["title"] for t in cached["v1"]] == expected["titles"]
    assert cached["stats"]["total"] == len(expected["ids"])
    assert cached["stats"]["by_status"]["done"] == expected["done"]


async def database_view(client: httpx.AsyncClient, engine: AsyncEngine) -> dict[str, Any]:
    """The user's tasks as the database has them (read past the cache: one task at a time)."""
    ids = sorted(t["id"] for t in (await client.get(f"{V2}/tasks?limit=100")).json()["items"])
    tasks = [(await client.get(f"{V1}/tasks/{task_id}")).json() for task_id in ids]
    return {
        "ids": ids,
        "titles": [t["title"] for t in tasks],
        "done": sum(t["status"] == "done" for t in tasks),
    }


async def test_one_users_cached_reads_are_never_anothers(
    v2: httpx.AsyncClient, bob: Account
) -> None:
    await create_task(v2, title="Ann's secret")
    anns = await reads(v2)
    v2.headers["Authorization"] = f"Bearer {bob.access_token}"
    bobs = await reads(v2)
    assert anns["v1"] != []
    assert bobs["v1"] == bobs["v2"] == []
    assert bobs["stats"]["total"] == 0


async def test_a_write_of_one_user_leaves_anothers_cache_alone(
    v2: httpx.AsyncClient, bob: Account, db_engine: AsyncEngine
) -> None:
    bob_headers = {"Authorization": f"Bearer {bob.access_token}"}
    await v2.get(f"{V1}/tasks", headers=bob_headers)  # Bob's list, cached
    await create_task(v2)  # Ann writes
    with count_queries(db_engine) as queries:
        await v2.get(f"{V1}/tasks", headers=bob_headers)
    assert task_queries(queries.statements) == []


async def test_a_failed_write_invalidates_nothing(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    await create_task(v2)
    await reads(v2)
    response = await v2.post("/tasks", json={"title": "bad", "category_id": 2**31 - 1})
    assert response.status_code == 422  # rolled back
    with count_queries(db_engine) as queries:
        await reads(v2)
    assert task_queries(queries.statements) == []
