"""Request ids and JSON logs: every response carries ``X-Request-ID`` (the caller's when it is a
valid id, a new one otherwise, errors included), and the app served by uvicorn, as in production,
writes one JSON object per line on stdout, with one access line per request that carries its id
and never a password."""

import re
import time
from concurrent.futures import Future
from typing import Any

import httpx
import pytest

from testkit import impl_module

from .processes import Server

pytestmark = pytest.mark.task(11)

observability = impl_module("capstone", "observability")
NEW_ID = re.compile(r"[0-9a-f]{32}")  # what the app makes: a uuid4's hex


async def test_a_request_without_an_id_gets_a_new_one_each_time(
    anonymous: httpx.AsyncClient,
) -> None:
    first = await anonymous.get("http://testserver/docs")
    second = await anonymous.get("http://testserver/docs")
    ids = [r.headers.get("x-request-id") for r in (first, second)]
    assert all(i is not None and NEW_ID.fullmatch(i) for i in ids), ids
    assert ids[0] != ids[1]


async def test_a_valid_incoming_id_comes_back_unchanged(anonymous: httpx.AsyncClient) -> None:
    response = await anonymous.get(
        "http://testserver/docs", headers={"X-Request-ID": "gw-2026.12_02-abc"}
    )
    assert response.status_code == 200
    assert response.headers.get("x-request-id") == "gw-2026.12_02-abc"


@pytest.mark.parametrize(
    "incoming",
    ["a" * 65, "x" * 200, "two words", 'quote"d', "inject\\nline", ""],
    ids=["65 chars", "200 chars", "space", "quote", "backslash n", "empty"],
)
async def test_an_invalid_incoming_id_is_replaced(
    anonymous: httpx.AsyncClient, incoming: str
) -> None:
    response = await anonymous.get("http://testserver/docs", headers={"X-Request-ID": incoming})
    assert response.status_code == 200
    assert NEW_ID.fullmatch(response.headers.get("x-request-id", ""))


async def test_a_newline_in_the_incoming_id_never_reaches_the_response(
    app: Any,
) -> None:
    """httpx refuses to send a raw newline, so the request is made at the ASGI level."""
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/docs",
        "raw_path": b"/docs",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"x-request-id", b"evil\nrequest_id=forged")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    ids = [v.decode() for k, v in start["headers"] if k.lower() == b"x-request-id"]
    assert len(ids) == 1, ids
    assert NEW_ID.fullmatch(ids[0]), ids


async def test_error_responses_carry_the_id_too(anonymous: httpx.AsyncClient) -> None:
    headers = {"X-Request-ID": "bug-report-7"}
    missing = await anonymous.get("http://testserver/api/v1/no-such-thing", headers=headers)
    invalid = await anonymous.post("/auth/login", json={"email": "not an address"}, headers=headers)
    assert (missing.status_code, invalid.status_code) == (404, 422)
    assert (
        missing.headers.get("x-request-id")
        == invalid.headers.get("x-request-id")
        == ("bug-report-7")
    )


async def test_a_crash_is_a_500_that_carries_the_id(fresh_app: Any) -> None:
    async def boom() -> None:
        raise RuntimeError("a bug")

    fresh_app.add_api_route("/boom", boom)

    transport = httpx.ASGITransport(app=fresh_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/boom", headers={"X-Request-ID": "crash-1"})
    assert response.status_code == 500
    assert response.headers.get("x-request-id") == "crash-1"


def test_redact_hides_secret_values_whatever_the_case_of_the_key() -> None:
    event = {"event": "login", "password": "hunter2", "Authorization": "Bearer x", "email": "a@b"}
    assert observability.redact(None, "info", dict(event)) == {
        "event": "login",
        "password": "[redacted]",
        "Authorization": "[redacted]",
        "email": "a@b",
    }


def lines_of(server: Server, request_id: str, timeout: float = 5) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        found = [r for r in server.records() if r.get("request_id") == request_id]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def test_the_served_app_logs_one_json_line_per_request_with_its_id(
    served_app: Future[Server],
) -> None:
    server = served_app.result()
    password = "my-Very-secret-passw0rd"  # noqa: S105 - never in a log; secrets-scan: allow
    response = httpx.post(  # a 401 once task 1 is done; the line says what the response said
        f"{server.url}/api/v1/auth/login",
        json={"email": "nobody@example.com", "password": password},
        headers={"X-Request-ID": "login-attempt-1"},
    )
    assert response.headers.get("x-request-id") == "login-attempt-1"
    found = lines_of(server, "login-attempt-1")
    assert len(found) == 1, found  # one access line; uvicorn's own is off
    line = found[0]
    assert (line["event"], line["method"], line["path"], line["status"]) == (
        "request",
        "POST",
        "/api/v1/auth/login",
        response.status_code,
    )
    assert isinstance(line["duration_ms"], float)
    assert line["duration_ms"] >= 0
    assert {"level", "timestamp", "logger"} <= line.keys()
    assert all(password not in text for text in server.lines)


def test_uvicorns_own_lines_are_json_too(served_app: Future[Server]) -> None:
    server = served_app.result()
    response = httpx.get(f"{server.url}/docs", headers={"X-Request-ID": "probe-1"})
    assert response.headers.get("x-request-id") == "probe-1"
    assert lines_of(server, "probe-1")
    records = server.records()
    assert any(r.get("logger", "").startswith("uvicorn") for r in records), server.lines
    assert not any("HTTP/1.1" in r.get("event", "") for r in records)  # no plain access line
