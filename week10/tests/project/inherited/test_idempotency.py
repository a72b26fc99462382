"""Task 4: ``Idempotency-Key`` on POST /api/v2/tasks, the keys stored in PostgreSQL.

Week 10: the race of one key sent ten times at once is ``test_hostile.py``'s
``test_one_key_ten_times_at_once_replays_with_the_etag`` (the same requests to the same live app,
checked for one task, nine replays and one ``ETag``), no longer a copy here."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

from ..factories import V1, Account, task_body

pytestmark = [pytest.mark.task(8), pytest.mark.points(0)]  # inherited: a guard, no points

idempotency = impl_module("week10", "idempotency")
schemas_v2 = impl_module("week10", "tasks.schemas_v2")


async def count_tasks(client: httpx.AsyncClient) -> int:
    return len((await client.get("/tasks?limit=100")).json()["items"])


async def test_same_key_same_body_replays_the_response(v2: httpx.AsyncClient) -> None:
    body = task_body(priority="high")
    headers = {"Idempotency-Key": "3f1c-create-1"}

    first = await v2.post("/tasks", json=body, headers=headers)
    retry = await v2.post("/tasks", json=body, headers=headers)

    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json() == first.json()
    assert retry.headers["location"] == first.headers["location"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert await count_tasks(v2) == 1


async def test_equivalent_json_counts_as_the_same_body(v2: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "k", "Content-Type": "application/json"}

    await v2.post("/tasks", content=b'{"title": "a", "state": "todo"}', headers=headers)
    retry = await v2.post("/tasks", content=b'{"state":"todo",  "title":" a "}', headers=headers)

    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"


async def test_same_key_other_body_is_422(v2: httpx.AsyncClient) -> None:
    await v2.post("/tasks", json=task_body(title="a"), headers={"Idempotency-Key": "k1"})

    response = await v2.post("/tasks", json=task_body(title="b"), headers={"Idempotency-Key": "k1"})

    assert response.status_code == 422
    assert response.json()["type"] == "https://task-manager.example/problems/idempotency-key-reused"
    assert "k1" in response.json()["detail"]
    assert response.json()["errors"][0]["loc"] == ["header", "idempotency-key"]
    assert await count_tasks(v2) == 1


async def test_without_or_with_new_keys_each_post_creates(v2: httpx.AsyncClient) -> None:
    body = task_body()

    for headers in ({}, {}, {"Idempotency-Key": "a"}, {"Idempotency-Key": "b"}):
        assert (await v2.post("/tasks", json=body, headers=headers)).status_code == 201

    assert await count_tasks(v2) == 4


async def test_failed_create_is_not_remembered(v2: httpx.AsyncClient) -> None:
    # The id the next category will get (identity values are never reused, so probe for it).
    probe = (await v2.post(f"{V1}/categories", json={"name": "probe"})).json()["id"]
    await v2.delete(f"{V1}/categories/{probe}")
    body, headers = task_body(title="t", category_id=probe + 1), {"Idempotency-Key": "retry-me"}

    failed = await v2.post("/tasks", json=body, headers=headers)  # no such category yet
    await v2.post(f"{V1}/categories", json={"name": "Work"})
    retried = await v2.post("/tasks", json=body, headers=headers)

    assert failed.status_code == 422
    assert retried.status_code == 201
    assert "idempotent-replayed" not in retried.headers


@pytest.mark.parametrize("key", ["", "x" * 256, "has space"])
async def test_bad_key_is_422(v2: httpx.AsyncClient, key: str) -> None:
    response = await v2.post("/tasks", json=task_body(), headers={"Idempotency-Key": key})

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["header", "idempotency-key"]


def test_fingerprint_depends_on_the_validated_body_only() -> None:
    TaskInV2 = schemas_v2.TaskInV2

    same = (
        idempotency.fingerprint(TaskInV2(title="a")),
        idempotency.fingerprint(TaskInV2(title=" a ", state="todo")),
    )
    other = idempotency.fingerprint(TaskInV2(title="b"))

    assert same[0] == same[1]
    assert other != same[0]
    assert len(other) == 64


async def test_the_key_is_stored_with_the_task_in_one_transaction(
    v2: httpx.AsyncClient, db_session: AsyncSession, ann: Account
) -> None:
    record = idempotency.IdempotencyRecord
    response = await v2.post("/tasks", json=task_body(), headers={"Idempotency-Key": "stored"})

    stored = await db_session.get(record, (ann.id, "stored"))  # keys are per owner (week 9)
    assert stored is not None
    assert stored.body == response.json()
    assert stored.location == response.headers["location"]
