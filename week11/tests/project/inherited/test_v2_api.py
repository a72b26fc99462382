"""Task 3: /api/v2/tasks: renamed fields, links, and cursor pages that survive concurrent writes."""

import httpx
import pytest

from ..factories import V1, create_task, create_tasks, task_body, walk

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points


async def test_task_has_renamed_fields_and_links(v2: httpx.AsyncClient) -> None:
    category = (await v2.post(f"{V1}/categories", json={"name": "Work"})).json()
    tag = (await v2.post(f"{V1}/tags", json={"name": "urgent"})).json()

    task = await create_task(
        v2, state="in_progress", due_on="2026-03-01", category_id=category["id"],
        tag_ids=[tag["id"]],
    )  # fmt: skip

    assert (task["state"], task["due_on"]) == ("in_progress", "2026-03-01")
    assert "status" not in task
    assert "due_date" not in task
    assert task["links"] == {
        "self": f"http://testserver/api/v2/tasks/{task['id']}",
        "category": f"http://testserver/api/v1/categories/{category['id']}",
        "tags": [f"http://testserver/api/v1/tags/{tag['id']}"],
    }
    assert (await v2.get(task["links"]["category"])).json() == category  # links lead somewhere
    assert (await v2.get(task["links"]["self"])).json() == task


async def test_v1_field_names_are_rejected_in_v2(v2: httpx.AsyncClient) -> None:
    response = await v2.post("/tasks", json={"title": "t", "status": "done"})

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "status"]


async def test_v1_and_v2_are_two_views_of_the_same_tasks(v2: httpx.AsyncClient) -> None:
    task = await create_task(v2, state="done")

    v1_view = (await v2.get(f"{V1}/tasks/{task['id']}")).json()
    patched = await v2.patch(f"/tasks/{task['id']}", json={"state": "todo", "due_on": "2026-05-01"})
    replaced = await v2.put(f"/tasks/{task['id']}", json={"title": "new"})

    assert v1_view["status"] == "done"
    assert (patched.json()["state"], patched.json()["due_on"]) == ("todo", "2026-05-01")
    assert (replaced.json()["title"], replaced.json()["due_on"]) == ("new", None)
    assert (await v2.delete(f"/tasks/{task['id']}")).status_code == 204
    assert (await v2.get(f"{V1}/tasks/{task['id']}")).status_code == 404


async def test_page_envelope_and_next_links(v2: httpx.AsyncClient) -> None:
    tasks = await create_tasks(v2, 5)

    first = (await v2.get("/tasks?limit=2&state=todo")).json()
    pages = await walk(v2, "/tasks?limit=2&state=todo")

    assert set(first) == {"items", "next_cursor", "links"}
    assert first["links"]["self"] == "http://testserver/api/v2/tasks?limit=2&state=todo"
    assert first["links"]["next"].endswith(f"&cursor={first['next_cursor']}")  # query kept
    assert pages == [[t["id"] for t in tasks[:2]], [t["id"] for t in tasks[2:4]], [tasks[4]["id"]]]


async def test_filters_and_sort(v2: httpx.AsyncClient) -> None:
    low = await create_task(v2, title="b", priority="low")
    high = await create_task(v2, title="a", priority="high", state="done")
    mid = await create_task(v2, title="C", priority="medium")

    async def ids(query: str) -> list[int]:
        return [t["id"] for t in (await v2.get(f"/tasks?{query}")).json()["items"]]

    assert await ids("sort=-priority") == [high["id"], mid["id"], low["id"]]
    assert await ids("sort=title") == [high["id"], low["id"], mid["id"]]
    assert await ids("sort=-id&state=todo") == [mid["id"], low["id"]]


@pytest.mark.parametrize("sort", ["id", "-created_at", "title"])
async def test_no_item_skipped_or_repeated_while_others_insert_and_delete(
    v2: httpx.AsyncClient, sort: str
) -> None:
    tasks = await create_tasks(v2, 10)
    ids = [t["id"] for t in tasks]
    first = (await v2.get(f"/tasks?limit=3&sort={sort}")).json()
    seen = [t["id"] for t in first["items"]]
    unseen = [i for i in (ids if not sort.startswith("-") else ids[::-1]) if i not in seen]

    # Another client deletes a task we saw and one we have not reached, and inserts a new one.
    await v2.delete(f"/tasks/{seen[0]}")
    await v2.delete(f"/tasks/{unseen[-1]}")
    await create_task(v2, title="Zz inserted")
    rest = await walk(v2, first["links"]["next"])
    later = [i for page in rest for i in page]

    assert len(later) == len(set(later))  # nothing repeated ...
    assert not set(later) & set(seen)
    assert [i for i in later if i in unseen] == unseen[:-1]  # ... nothing skipped, order kept


@pytest.mark.parametrize(
    ("query", "loc"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("sort=state", "sort"),
        ("sort=id;drop", "sort"),
    ],
)
async def test_bad_paging_parameters_are_422(v2: httpx.AsyncClient, query: str, loc: str) -> None:
    response = await v2.get(f"/tasks?{query}")

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", loc]


async def test_invalid_cursor_is_a_400_problem(v2: httpx.AsyncClient) -> None:
    await create_tasks(v2, 3)
    cursor = (await v2.get("/tasks?limit=1")).json()["next_cursor"]

    forged = await v2.get(f"/tasks?cursor={cursor[:-2]}xx")
    other_sort = await v2.get(f"/tasks?cursor={cursor}&sort=-id")

    assert forged.status_code == 400
    assert forged.headers["content-type"] == "application/problem+json"
    assert forged.json() | {"detail": ""} == {
        "type": "https://task-manager.example/problems/invalid-cursor",
        "title": "Invalid pagination cursor",
        "status": 400,
        "detail": "",
        "instance": "/api/v2/tasks",
    }
    assert "altered" in forged.json()["detail"]
    assert other_sort.status_code == 400
    assert "sort=id" in other_sort.json()["detail"]


async def test_empty_list_is_one_last_page(v2: httpx.AsyncClient) -> None:
    page = (await v2.get("/tasks")).json()

    assert page == {
        "items": [], "next_cursor": None,
        "links": {"self": "http://testserver/api/v2/tasks", "next": None},
    }  # fmt: skip


def test_task_body_factory_makes_unique_titles() -> None:
    assert task_body()["title"] != task_body()["title"]
    assert task_body(state="done")["state"] == "done"
