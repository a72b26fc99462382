"""Week 3's request logging tests, now under /api/v1."""

import httpx
import pytest
import structlog

pytestmark = [pytest.mark.task(6), pytest.mark.points(0)]


async def test_each_request_is_logged_with_its_id(client: httpx.AsyncClient) -> None:
    # capture_logs swaps the processors out; keep the one that adds the request's context.
    with structlog.testing.capture_logs([structlog.contextvars.merge_contextvars]) as logs:
        response = await client.get("/nope")

    [entry] = [e for e in logs if e["event"] == "request"]
    assert entry["method"] == "GET"
    assert entry["path"] == "/api/v1/nope"
    assert entry["status"] == 404
    assert entry["duration_ms"] >= 0
    assert entry["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize(
    ("sent", "kept"), [("abc-123", True), ("x" * 65, False), ("bad id!", False)]
)
async def test_client_request_id_is_kept_only_when_safe(
    client: httpx.AsyncClient, sent: str, kept: bool
) -> None:
    response = await client.get("/openapi.json", headers={"X-Request-ID": sent})

    assert (response.headers["x-request-id"] == sent) is kept
    assert len(response.headers["x-request-id"]) <= 64
