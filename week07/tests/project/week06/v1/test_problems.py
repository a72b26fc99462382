"""One problem-details body for every error: week 3's tests, now against /api/v1."""

import httpx
import pytest
import structlog
from fastapi import FastAPI

from testkit import impl_module
from testkit.http import ClientFactory

pytestmark = [pytest.mark.task(6), pytest.mark.points(0)]

errors = impl_module("week07", "errors")
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


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
        "instance": "/api/v1/nope",
    }  # fmt: skip
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == "application/problem+json"
    # Every method of /tasks, not just one route's; HEAD and OPTIONS work everywhere.
    assert wrong.headers["allow"] == "GET, HEAD, POST, OPTIONS"


async def test_openapi_documents_problem_bodies(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()

    responses = schema["paths"]["/api/v1/tasks/{task_id}"]["get"]["responses"]
    assert list(responses["404"]["content"]) == ["application/problem+json"]
    assert list(responses["422"]["content"]) == ["application/problem+json"]
    assert list(responses["200"]["content"]) == ["application/json"]


async def test_unexpected_errors_are_500_problems_and_logged(
    app: FastAPI, asgi_client: ClientFactory
) -> None:
    @app.get("/api/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/v1/odd")
    async def odd() -> None:
        raise errors.AppError("an AppError of no known family")

    client = await asgi_client(app)
    with structlog.testing.capture_logs() as logs:
        # Starlette re-raises after sending the 500 so servers can log it; catch it here.
        with pytest.raises(RuntimeError):
            await client.get("/api/v1/boom")
        with pytest.raises(errors.AppError):
            await client.get("/api/v1/odd")

    assert any(entry["event"] == "unhandled_error" for entry in logs)


async def test_500_body_hides_internals(app: FastAPI, asgi_client: ClientFactory) -> None:
    @app.get("/api/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/api/v1/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Internal Server Error"
    assert "secret" not in response.text
