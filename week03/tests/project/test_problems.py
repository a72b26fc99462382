"""One problem-details body for every error (task 6)."""

import httpx
import pytest
import structlog
from fastapi import FastAPI

from testkit import impl_module
from testkit.http import ClientFactory

pytestmark = pytest.mark.task(6)
errors = impl_module("week03", "errors")
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


@pytest.mark.points(2)
async def test_validation_error_lists_each_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/tasks", json={"title": "", "priority": "urgent"})

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS | {"errors"}
    assert body["type"] == "https://task-manager.example/problems/validation-error"
    assert body["detail"] == "2 invalid fields"
    assert [(e["loc"], e["type"]) for e in body["errors"]] == [
        (["body", "title"], "string_too_short"),
        (["body", "priority"], "enum"),
    ]
    assert all(set(e) == {"loc", "msg", "type"} for e in body["errors"])  # no echoed input


async def test_path_type_coercion_error(client: httpx.AsyncClient) -> None:
    response = await client.get("/tasks/abc")

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "task_id"]
    assert response.json()["detail"] == "1 invalid field"


async def test_malformed_json_is_a_problem(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/tasks", content=b'{"title": ', headers={"content-type": "application/json"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "json_invalid"


async def test_unknown_url_and_wrong_method(client: httpx.AsyncClient) -> None:
    missing = await client.get("/nope")
    wrong = await client.patch("/tasks")

    assert missing.status_code == 404
    assert missing.json() == {
        "type": "about:blank", "title": "Not Found", "status": 404, "detail": None,
        "instance": "/nope",
    }  # fmt: skip
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == "application/problem+json"
    # Every method of /tasks, not just one route's; HEAD and OPTIONS work everywhere.
    assert wrong.headers.get("allow") == "GET, HEAD, POST, OPTIONS"


async def test_head_is_get_without_the_body(client: httpx.AsyncClient) -> None:
    await client.post("/tags", json={"name": "urgent"})

    get = await client.get("/tags/1")
    head = await client.head("/tags/1")
    missing = await client.head("/tags/2")

    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == get.headers["content-length"] != "0"
    assert missing.status_code == 404


async def test_options_lists_the_methods_of_the_path(client: httpx.AsyncClient) -> None:
    collection = await client.options("/tasks")
    item = await client.options("/tasks/1")
    unknown = await client.options("/nope")

    assert (collection.status_code, collection.content) == (204, b"")
    assert collection.headers.get("allow") == "GET, HEAD, POST, OPTIONS"
    assert item.headers.get("allow") == "GET, HEAD, PUT, PATCH, DELETE, OPTIONS"
    assert unknown.status_code == 404


async def test_openapi_documents_problem_bodies(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()

    assert "/tasks/{task_id}" in schema["paths"]
    responses = schema["paths"]["/tasks/{task_id}"]["get"]["responses"]
    assert list(responses["404"]["content"]) == ["application/problem+json"]
    assert list(responses["422"]["content"]) == ["application/problem+json"]
    assert list(responses["200"]["content"]) == ["application/json"]


async def test_unexpected_errors_are_500_problems_and_logged(
    app: FastAPI, asgi_client: ClientFactory
) -> None:
    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/odd")
    async def odd() -> None:
        raise errors.AppError("an AppError of no known family")

    client = await asgi_client(app)
    with structlog.testing.capture_logs() as logs:
        # Starlette re-raises after sending the 500 so servers can log it; catch it here.
        with pytest.raises(RuntimeError):
            await client.get("/boom")
        with pytest.raises(errors.AppError):
            await client.get("/odd")

    assert any(entry["event"] == "unhandled_error" for entry in logs)


async def test_500_body_hides_internals(app: FastAPI, asgi_client: ClientFactory) -> None:
    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Internal Server Error"
    assert "secret" not in response.text
