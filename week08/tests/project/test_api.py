"""Task 9: the unified read API, "sync now" and the sync status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from testkit.fake_upstream import FakeUpstream, Fault
from testkit.http import ClientFactory

from .conftest import items, sync

pytestmark = pytest.mark.task(9)
CONTRACT = Path(__file__).resolve().parents[2] / "contracts" / "openapi-v1.json"


@pytest.mark.points(2)
async def test_every_source_lands_in_one_shape(client: httpx.AsyncClient) -> None:
    for source in ("github", "weather", "payments"):
        await sync(client, source)

    found = await items(client)

    assert {(i["source"], i["kind"]) for i in found} == {
        ("github", "repository"), ("github", "issue"), ("github", "pull_request"),
        ("weather", "forecast"), ("payments", "payment"),
    }  # fmt: skip
    assert all(set(i) >= {"id", "title", "occurred_at", "attributes", "synced_at"} for i in found)


@pytest.mark.points(2)
async def test_pages_follow_the_next_link_to_the_end(client: httpx.AsyncClient) -> None:
    await sync(client, "weather")  # 24 hourly forecasts
    seen: list[int] = []
    url: str | None = "/items?limit=10"
    while url:
        body = (await client.get(url)).json()
        seen += [i["id"] for i in body["items"]]
        url = body["links"]["next"]

    assert len(seen) == len(set(seen)) == 24


async def test_one_item_by_id_and_a_missing_one(client: httpx.AsyncClient) -> None:
    await sync(client, "payments")
    (payment,) = await items(client)

    assert (await client.get(f"/items/{payment['id']}")).json() == payment
    missing = await client.get("/items/999999")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "url",
    [
        "/items?limit=0",
        "/items?limit=101",
        "/items?limit=abc",
        "/items?source=twitter",
        "/items?kind=%00",
        "/items?cursor=not-a-cursor",
        "/items?cursor=" + "A" * 600,
        "/items/0",
        "/items/-1",
        "/items/9223372036854775808",
        "/items/%00",
        "/items/1e3",
        "/sync/twitter",
        "/sync/github?wait=maybe",
    ],
)
async def test_hostile_input_is_a_4xx_problem(client: httpx.AsyncClient, url: str) -> None:
    method = client.post if url.startswith("/sync") else client.get
    response = await method(url)

    assert 400 <= response.status_code < 500
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.points(2)
async def test_sync_now_runs_in_the_background(client: httpx.AsyncClient) -> None:
    response = await client.post("/sync/payments")

    assert response.status_code == 202
    assert response.json()["status_url"].endswith("/api/v1/sync/status")
    status = await client.get("/sync/status")  # the in-process client waits for the task
    payments = next(s for s in status.json()["sources"] if s["source"] == "payments")
    assert payments["status"] == "ok"


async def test_a_second_sync_of_a_running_source_is_a_409(
    client: httpx.AsyncClient, app: Any
) -> None:
    app.state.integrations.running.add("github")

    response = await client.post("/sync/github", params={"wait": "true"})

    assert response.status_code == 409
    assert "already running" in response.json()["detail"]
    assert (await client.post("/sync/weather", params={"wait": "true"})).status_code == 200


@pytest.mark.points(3)
async def test_the_status_shows_runs_counts_errors_and_breakers(
    client: httpx.AsyncClient, meteo: FakeUpstream
) -> None:
    await sync(client, "github")
    meteo.inject(Fault.status_code(503), times=3)
    await sync(client, "weather")

    body = (await client.get("/sync/status")).json()
    by_source = {s["source"]: s for s in body["sources"]}

    assert by_source["github"]["status"] == "ok"
    assert by_source["github"]["counts"] == {
        "received": 5, "inserted": 5, "updated": 0, "unchanged": 0, "invalid": 0,
    }  # fmt: skip
    assert by_source["weather"]["status"] == "failed"
    assert "503" in by_source["weather"]["last_error"]
    assert by_source["weather"]["breaker"]["state"] == "open"
    assert by_source["payments"]["status"] == "never"
    assert by_source["payments"]["breaker"] == {"state": "closed", "failures": 0, "retry_in": None}


async def test_the_openapi_document_describes_the_api(client: httpx.AsyncClient) -> None:
    document = (await client.get("http://testserver/openapi.json")).json()

    assert set(document["paths"]) == {
        "/api/v1/items", "/api/v1/items/{item_id}", "/api/v1/sync", "/api/v1/sync/{source}",
        "/api/v1/sync/status", "/api/v1/webhooks/payments",
    }  # fmt: skip


@pytest.mark.points(2)
async def test_sync_all_runs_every_idle_source_concurrently(
    app_on_a_real_database: Any, asgi_client: ClientFactory
) -> None:
    client = await asgi_client(app_on_a_real_database, base_url="http://testserver/api/v1")
    app_on_a_real_database.state.integrations.running.add("payments")  # busy elsewhere

    response = await client.post("/sync")

    assert response.status_code == 200
    statuses = {s["source"]: s["status"] for s in response.json()["sources"]}
    assert statuses == {"github": "ok", "weather": "ok", "payments": "never"}
    assert app_on_a_real_database.state.integrations.running == {"payments"}
    assert len((await client.get("/items", params={"limit": 100})).json()["items"]) == 29


@pytest.mark.points(0)
def test_the_app_matches_its_committed_contract(app: Any) -> None:
    committed = CONTRACT.read_text(encoding="utf-8")

    generated = json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    assert generated == committed, (
        "the API no longer matches contracts/openapi-v1.json: if the change is intended, run "
        "`make openapi` and review the diff"
    )
