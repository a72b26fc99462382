"""Week 3's API tests of /categories and /tags, now under /api/v1."""

import httpx
import pytest

pytestmark = [pytest.mark.task(6), pytest.mark.points(0)]


RESOURCES = ["categories", "tags"]


@pytest.mark.parametrize("resource", RESOURCES)
async def test_create_returns_201_with_location(client: httpx.AsyncClient, resource: str) -> None:
    response = await client.post(f"/{resource}", json={"name": "  Work  "})

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Work"  # surrounding whitespace is stripped
    assert response.headers["location"] == f"http://testserver/api/v1/{resource}/{body['id']}"
    assert (await client.get(response.headers["location"])).json() == body


@pytest.mark.parametrize("resource", RESOURCES)
async def test_duplicate_name_ignoring_case_is_409(
    client: httpx.AsyncClient, resource: str
) -> None:
    await client.post(f"/{resource}", json={"name": "Home"})

    response = await client.post(f"/{resource}", json={"name": "HOME"})

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "HOME" in response.json()["detail"]


@pytest.mark.parametrize("resource", RESOURCES)
async def test_list_in_id_order(client: httpx.AsyncClient, resource: str) -> None:
    for name in ["b", "a", "c"]:
        await client.post(f"/{resource}", json={"name": name})

    response = await client.get(f"/{resource}")

    assert response.status_code == 200
    assert [item["name"] for item in response.json()] == ["b", "a", "c"]


@pytest.mark.parametrize("resource", RESOURCES)
async def test_unknown_id_is_404(client: httpx.AsyncClient, resource: str) -> None:
    for method in ["GET", "DELETE"]:
        response = await client.request(method, f"/{resource}/42")
        assert response.status_code == 404
        assert response.json()["instance"] == f"/api/v1/{resource}/42"
    response = await client.put(f"/{resource}/42", json={"name": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
async def test_put_renames_and_keeps_own_name(client: httpx.AsyncClient, resource: str) -> None:
    item = (await client.post(f"/{resource}", json={"name": "Old"})).json()
    await client.post(f"/{resource}", json={"name": "Taken"})

    same = await client.put(f"/{resource}/{item['id']}", json={"name": "old"})
    renamed = await client.put(f"/{resource}/{item['id']}", json={"name": "New"})
    clash = await client.put(f"/{resource}/{item['id']}", json={"name": "taken"})

    assert same.status_code == 200
    assert same.json()["name"] == "old"  # changing only the case of its own name is fine
    assert renamed.json() == {**item, "name": "New"}
    assert clash.status_code == 409


async def test_put_category_replaces_the_description(client: httpx.AsyncClient) -> None:
    created = await client.post("/categories", json={"name": "Work", "description": "Job"})
    url = created.headers["location"]

    response = await client.put(url, json={"name": "Work"})

    assert response.json()["description"] is None  # PUT replaces: omitted means default


@pytest.mark.parametrize(
    ("resource", "field"), [("categories", "category_id"), ("tags", "tag_ids")]
)
async def test_delete_in_use_is_409_then_204_once_free(
    client: httpx.AsyncClient, resource: str, field: str
) -> None:
    item = (await client.post(f"/{resource}", json={"name": "x"})).json()
    value = item["id"] if field == "category_id" else [item["id"]]
    task = (await client.post("/tasks", json={"title": "t", field: value})).json()

    in_use = await client.delete(f"/{resource}/{item['id']}")
    await client.delete(f"/tasks/{task['id']}")
    freed = await client.delete(f"/{resource}/{item['id']}")

    assert in_use.status_code == 409
    assert in_use.json()["type"].endswith("/conflict")
    assert freed.status_code == 204
    assert freed.content == b""
    assert (await client.get(f"/{resource}/{item['id']}")).status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize(
    "body", [{}, {"name": ""}, {"name": "   "}, {"name": "x" * 51}, {"name": "ok", "extra": 1}]
)
async def test_bad_body_is_422(client: httpx.AsyncClient, resource: str, body: object) -> None:
    response = await client.post(f"/{resource}", json=body)

    assert response.status_code == 422
    assert response.json()["errors"]
