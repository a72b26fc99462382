"""Task 8: the task list made fast, with the same answers.

- the links are formatted from paths looked up once per app, byte for byte what ``url_for`` made,
  behind a proxy's root path too, and a page makes no route lookup at all;
- the page goes out as the bytes Pydantic serialises it to, and skips FastAPI's second validation
  and serialisation of the returned model;
- a read resolves none of the write path's dependencies (the repository that invalidates the
  cache and announces events, the request's events);
- a cached page costs one SQL statement (the caller's user), however many tasks, tags and
  categories it shows.
"""

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import HTTPConnection, Request
from starlette.routing import Router

from testkit import impl_module
from testkit.db import count_queries

from .factories import V1, create_task

pytestmark = pytest.mark.task(8)

links_module = impl_module("week12", "tasks.links")
schemas_v2 = impl_module("week12", "tasks.schemas_v2")
schemas = impl_module("week12", "tasks.schemas")
cached = impl_module("week12", "tasks.cached")
notifying = impl_module("week12", "tasks.notifying")
publisher = impl_module("week12", "realtime.publisher")


async def seed(v2: httpx.AsyncClient, n: int) -> None:
    """``n`` tasks, most in one of two categories, some with up to three tags: every link kind."""
    categories = [(await v2.post(f"{V1}/categories", json={"name": name})).json()["id"]
                  for name in ("Work", "Home")]  # fmt: skip
    tags = [(await v2.post(f"{V1}/tags", json={"name": name})).json()["id"]
            for name in ("urgent", "later", "errand")]  # fmt: skip
    for index in range(n):
        category = categories[index % 2] if index % 5 else None
        await create_task(v2, category_id=category, tag_ids=tags[: index % 4])


def url_for_links(
    app: Any, task: dict[str, Any], base: str = "http://testserver/"
) -> dict[str, Any]:
    """The links as ``request.url_for`` made them (a route lookup by name, made absolute)."""

    def url(name: str, **params: int) -> str:
        return str(app.url_path_for(name, **params).make_absolute_url(base))

    return {
        "self": url("v2_get_task", task_id=task["id"]),
        "category": url("get_category", category_id=task["category_id"])
        if task["category_id"] is not None
        else None,
        "tags": [url("get_tag", tag_id=tag_id) for tag_id in task["tag_ids"]],
    }


@pytest.mark.points(2)
async def test_links_are_what_url_for_makes(app: Any, v2: httpx.AsyncClient) -> None:
    await seed(v2, 6)
    page = await v2.get("/tasks")
    assert page.status_code == 200, page.text
    items = page.json()["items"]
    assert len(items) == 6
    assert any(item["category_id"] for item in items)
    assert any(item["tag_ids"] for item in items)
    for item in items:
        assert item["links"] == url_for_links(app, item)
        single = (await v2.get(item["links"]["self"])).json()
        assert single["links"] == item["links"]


def request_behind(app: Any, root_path: str) -> Request:
    """A request as a proxy passes it on: HTTPS, a public host and port, a root path."""
    scope = {
        "type": "http", "method": "GET", "scheme": "https", "server": ("tasks.example", 8443),
        "path": f"{root_path}/api/v2/tasks", "root_path": root_path, "query_string": b"",
        "headers": [(b"host", b"tasks.example:8443")], "app": app, "router": app.router,
    }  # fmt: skip
    return Request(scope)


@pytest.mark.points(2)
@pytest.mark.parametrize("root_path", ["", "/behind/a/proxy"])
def test_links_behind_a_proxy_are_byte_identical(app: Any, root_path: str) -> None:
    request = request_behind(app, root_path)
    links = links_module.Links(links_module.LinkPaths.of(app), request)
    now = datetime.now(UTC)
    for task_id, category_id, tag_ids in [(1, None, []), (42, 7, [3]), (10**12, 5, [1, 99, 2])]:
        task = schemas.TaskRead(
            id=task_id, title="t", description=None, status="todo", priority="low",
            due_date=None, category_id=category_id, tag_ids=tag_ids, created_at=now,
            updated_at=now,
        )  # fmt: skip
        made = links.of(task)
        assert made.self == str(request.url_for("v2_get_task", task_id=task_id))
        assert made.self.startswith(f"https://tasks.example:8443{root_path}/api/v2/tasks/")
        expected_category = (
            str(request.url_for("get_category", category_id=category_id)) if category_id else None
        )
        assert made.category == expected_category
        assert made.tags == [str(request.url_for("get_tag", tag_id=t)) for t in tag_ids]


@pytest.mark.points(2)
async def test_a_page_makes_no_route_lookup(
    app: Any, v2: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(v2, 9)
    before = await v2.get("/tasks?limit=8")  # the app's first list: paths may be looked up now
    assert before.status_code == 200, before.text

    def no_lookup(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a route lookup by name while serving the list")

    monkeypatch.setattr(HTTPConnection, "url_for", no_lookup)
    monkeypatch.setattr(Router, "url_path_for", no_lookup)
    monkeypatch.setattr(type(app), "url_path_for", no_lookup)
    after = await v2.get("/tasks?limit=8")
    monkeypatch.undo()

    assert after.status_code == 200, after.text
    assert after.json() == before.json()
    assert len(after.json()["items"]) == 8
    assert after.json()["links"]["next"] is not None


@pytest.mark.points(2)
async def test_the_body_is_the_page_serialised_once(
    v2: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(v2, 5)
    expected = await v2.get("/tasks?limit=3")
    assert expected.status_code == 200, expected.text

    # FastAPI's validation and serialisation of a returned model: the list must not need it.
    import fastapi.routing

    def not_again(**kwargs: Any) -> Any:
        raise AssertionError("the page was validated and serialised by FastAPI again")

    monkeypatch.setattr(fastapi.routing, "serialize_response", not_again)
    response = await v2.get("/tasks?limit=3")
    monkeypatch.undo()

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    page_type = TypeAdapter(schemas_v2.TaskPage)
    page = page_type.validate_json(response.content)  # a valid page, as documented
    assert response.content == page_type.dump_json(page)  # exactly Pydantic's JSON of it
    assert response.json() == expected.json()
    assert int(response.headers["content-length"]) == len(response.content)


@pytest.mark.points(1)
async def test_a_cached_page_costs_one_statement(
    v2: httpx.AsyncClient, db_engine: AsyncEngine
) -> None:
    await seed(v2, 9)
    first = await v2.get("/tasks")
    with count_queries(db_engine) as queries:
        again = await v2.get("/tasks")
    assert again.json() == first.json()
    assert len(queries.statements) == 1, queries.statements  # the caller's user, nothing else
    assert "FROM users" in queries.statements[0]


@pytest.mark.points(2)
async def test_a_read_builds_nothing_of_the_write_path(
    v2: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(v2, 3)

    def not_for_a_read(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a read built a part of the write path")

    for part in (
        cached.InvalidatingTaskRepository, notifying.NotifyingTaskRepository,
        publisher.RequestEvents,
    ):  # fmt: skip
        monkeypatch.setattr(part, "__init__", not_for_a_read)
    pages = [await v2.get(url) for url in ("/tasks", "/tasks?limit=2", f"{V1}/tasks")]
    monkeypatch.undo()

    assert [page.status_code for page in pages] == [200, 200, 200], [p.text for p in pages]
    assert len(pages[0].json()["items"]) == 3
    assert len(pages[2].json()) == 3
    # The write path is still whole: a write makes the cached reads stale and is announced.
    await create_task(v2)
    assert len((await v2.get("/tasks")).json()["items"]) == 4
