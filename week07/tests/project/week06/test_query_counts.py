"""List endpoints send a fixed number of queries, however many rows they return (task 1)."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.db import count_queries

pytestmark = pytest.mark.task(1)


async def queries_for(client: httpx.AsyncClient, engine: AsyncEngine, path: str) -> int:
    with count_queries(engine) as queries:
        response = await client.get(path)
    assert response.status_code == 200
    return queries.count


async def test_listing_tasks_does_not_grow_with_the_tasks(
    client: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    tags = [(await client.post("/tags", json={"name": f"t{i}"})).json()["id"] for i in range(3)]
    await client.post("/tasks", json={"title": "first", "tag_ids": tags})
    one = await queries_for(client, db_engine, "/tasks")

    for i in range(10):
        await client.post("/tasks", json={"title": f"task {i}", "tag_ids": tags[: i % 4]})
    eleven = await queries_for(client, db_engine, "/tasks")

    assert one == eleven <= 2  # the tasks, then their tag links: no query per task


async def test_a_v2_page_does_not_grow_with_the_page_size(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    tag = (await v2.post("http://testserver/api/v1/tags", json={"name": "t"})).json()["id"]
    for i in range(12):
        await v2.post("/tasks", json={"title": f"task {i}", "tag_ids": [tag]})
    small = await queries_for(v2, db_engine, "/tasks?limit=2&sort=-created_at")
    cursor = (await v2.get("/tasks?limit=2&sort=-created_at")).json()["next_cursor"]

    large = await queries_for(v2, db_engine, "/tasks?limit=10&sort=-created_at")
    next_page = await queries_for(
        v2, db_engine, f"/tasks?limit=10&sort=-created_at&cursor={cursor}"
    )

    assert small == large == next_page <= 2


@pytest.mark.parametrize("resource", ["categories", "tags"])
async def test_listing_names_is_one_query(
    client: httpx.AsyncClient, db_engine: AsyncEngine, resource: str
) -> None:
    for name in ["a", "b", "c"]:
        await client.post(f"/{resource}", json={"name": name})

    assert await queries_for(client, db_engine, f"/{resource}") == 1
