"""Task 4: POST /api/v2/tasks/import - thousands of tasks, validated, all or nothing, in bulk."""

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from testkit import impl_module
from testkit.db import count_queries

pytestmark = pytest.mark.task(4)
Task = impl_module("week07", "tasks.models").Task


async def task_count(conn: AsyncConnection) -> int:
    return int(await conn.scalar(select(func.count()).select_from(Task)) or 0)


async def make(client: httpx.AsyncClient, path: str, name: str) -> int:
    response = await client.post(f"http://testserver/api/v1/{path}", json={"name": name})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def rows(n: int, **fields: Any) -> list[dict[str, Any]]:
    return [{"title": f"Imported {i}", **fields} for i in range(n)]


def errors_by_row(response: httpx.Response) -> dict[int, set[str]]:
    """{row index: {field, ...}} from a 422 problem's errors."""
    found: dict[int, set[str]] = {}
    for error in response.json()["errors"]:
        assert error["loc"][:2] == ["body", "tasks"], error
        found.setdefault(error["loc"][2], set()).add(str(error["loc"][3]))
    return found


@pytest.mark.points(3)
async def test_imports_thousands_in_a_few_statements(
    v2: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    category = await make(v2, "categories", "Imports")
    tag = await make(v2, "tags", "bulk")
    body = rows(
        2_500, category_id=category, tag_ids=[tag], state="in_progress", due_on="2026-05-01"
    )
    before = await task_count(db_connection)

    with count_queries(db_connection.engine) as counted:
        response = await v2.post("/tasks/import", json={"tasks": body})

    assert response.status_code == 201, response.text
    result = response.json()
    assert result["imported"] == 2_500
    assert len(result["ids"]) == len(set(result["ids"])) == 2_500
    assert await task_count(db_connection) == before + 2_500
    # Bulk, not one INSERT per task: 2 reference checks, 3 multi-row INSERTs of tasks
    # (1,000 rows each), 1 executemany of tag links: a handful, never thousands.
    assert counted.count <= 8, counted.statements
    last = await v2.get(f"/tasks/{result['ids'][-1]}")
    assert last.json()["title"] == "Imported 2499"  # ids come back in the order of the rows
    assert last.json()["tag_ids"] == [tag]
    assert last.json()["state"] == "in_progress"
    assert last.headers["etag"] == '"1"'


@pytest.mark.points(3)
async def test_invalid_rows_are_all_reported_and_nothing_is_imported(
    v2: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    body = rows(10)
    body[2]["title"] = ""
    body[5] = {"title": "x", "priority": "urgent", "colour": "red"}
    before = await task_count(db_connection)

    response = await v2.post("/tasks/import", json={"tasks": body})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert errors_by_row(response) == {2: {"title"}, 5: {"priority", "colour"}}
    assert await task_count(db_connection) == before


@pytest.mark.points(2)
async def test_unknown_references_are_reported_per_row(
    v2: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    category = await make(v2, "categories", "Known")
    tag = await make(v2, "tags", "known")
    body = rows(6, category_id=category)
    body[1]["category_id"] = 999_999
    body[4]["tag_ids"] = [tag, 888_888]
    before = await task_count(db_connection)

    response = await v2.post("/tasks/import", json={"tasks": body})

    assert response.status_code == 422, response.text
    assert errors_by_row(response) == {1: {"category_id"}, 4: {"tag_ids"}}
    messages = [error["msg"] for error in response.json()["errors"]]
    assert messages == ["Category 999999 does not exist", "Tag(s) 888888 do not exist"]
    assert response.json()["detail"] == "2 invalid rows: nothing was imported"
    assert await task_count(db_connection) == before


@pytest.mark.points(2)
async def test_bad_fields_and_unknown_references_come_in_one_response(
    v2: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    body: list[Any] = rows(5)
    body[0]["title"] = ""  # invalid field
    body[1]["category_id"] = 999_999  # valid field, unknown category
    body[3] = "not a task"  # not even an object
    body[4]["tag_ids"] = [True]  # a JSON value of the wrong type
    before = await task_count(db_connection)

    response = await v2.post("/tasks/import", json={"tasks": body})

    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert [error["loc"][2] for error in errors] == [0, 1, 3, 4]  # every bad row, in order
    assert errors[1]["type"] == "reference_not_found"
    assert errors[2]["loc"] == ["body", "tasks", 3]
    assert errors[3]["loc"] == ["body", "tasks", 4, "tag_ids", 0]
    assert response.json()["detail"] == "4 invalid rows: nothing was imported"
    assert await task_count(db_connection) == before


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"tasks": []}, "too_short"),
        ({"tasks": rows(10_001)}, "too_long"),
        ({}, "missing"),
        ({"tasks": rows(1), "extra": 1}, "extra_forbidden"),
    ],
    ids=["empty", "too many", "no tasks", "unknown member"],
)
async def test_the_body_itself_is_validated(
    v2: httpx.AsyncClient, body: dict[str, Any], why: str
) -> None:
    response = await v2.post("/tasks/import", json=body)
    assert response.status_code == 422
    assert why in {error["type"] for error in response.json()["errors"]}
