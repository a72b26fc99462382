"""Task 6: never trust external data: validate, normalise, log and count, keep syncing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection
from week08.fakes.github import FakeGitHub, issue, repo
from week08.fakes.open_meteo import FakeOpenMeteo, forecast
from week08.fakes.stripe import event, payment_intent

from testkit import impl_module
from testkit.fake_upstream import FakeUpstream, Fault

from .conftest import count_rows, items, sync

pytestmark = pytest.mark.task(6)

FETCHED = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def github_models() -> Any:
    return impl_module("week08", "sources.github.schemas")


@pytest.mark.points(2)
def test_a_repository_is_normalised() -> None:
    normalize = impl_module("week08", "sources.github.normalize").normalize_repo
    raw = repo(103, "rocket", "2026-11-30T12:00:00Z", stars=42)

    item = normalize(github_models().GitHubRepo.model_validate(raw))

    assert (item.source.value, item.kind.value, item.external_id) == ("github", "repository", "103")
    assert (item.title, item.url, item.status) == (
        "acme/rocket",
        "https://github.com/acme/rocket",
        "active",
    )
    assert item.occurred_at == item.source_updated_at == datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert item.attributes == {
        "description": "The rocket project", "language": "Python", "stars": 42, "open_issues": 1,
    }  # fmt: skip


@pytest.mark.points(2)
def test_issues_and_pull_requests_are_told_apart() -> None:
    normalize = impl_module("week08", "sources.github.normalize").normalize_issue
    model = github_models().GitHubIssue
    plain = issue(1, 7, "Bug", "2026-11-30T12:00:00Z", state="closed")
    ghost = {**issue(2, 8, "PR", "2026-11-30T13:00:00Z", pull_request=True), "user": None}

    bug = normalize(model.model_validate(plain), "acme/rocket")
    pr = normalize(model.model_validate(ghost), "acme/rocket")

    assert (bug.kind.value, bug.title, bug.status) == ("issue", "acme/rocket#7: Bug", "closed")
    assert bug.attributes["author"] == "octocat"
    assert bug.attributes["labels"] == "bug"
    assert bug.occurred_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert bug.source_updated_at == datetime(2026, 11, 30, 12, tzinfo=UTC)
    assert (pr.kind.value, pr.attributes["author"]) == ("pull_request", None)


@pytest.mark.points(2)
def test_a_forecast_becomes_one_row_per_hour_in_utc() -> None:
    normalize = impl_module("week08", "sources.weather.normalize").normalize_forecast
    settings = impl_module("week08", "settings")
    schemas = impl_module("week08", "sources.weather.schemas")
    raw = forecast(52.52, 13.41, hours=3)
    raw["utc_offset_seconds"] = 3600  # local time, one hour ahead of UTC
    raw["hourly"]["temperature_2m"][1] = None  # no data for that hour

    rows = normalize(
        settings.Place("Berlin", 52.52, 13.41), schemas.Forecast.model_validate(raw), FETCHED
    )

    assert [r.external_id for r in rows] == ["Berlin@2026-11-30T23:00Z", "Berlin@2026-12-01T01:00Z"]
    first = rows[0]
    assert first.occurred_at == datetime(2026, 11, 30, 23, tzinfo=UTC)
    assert first.title == "Berlin 2026-11-30 23:00 UTC: 1.9 °C"
    assert first.attributes["temperature_c"] == 1.9
    assert first.attributes["wind_speed_kmh"] == 10.0
    assert first.source_updated_at == FETCHED


@pytest.mark.points(2)
def test_a_payment_event_becomes_the_intent_and_other_events_nothing() -> None:
    normalize = impl_module("week08", "sources.payments.normalize").normalize_event
    model = impl_module("week08", "sources.payments.schemas").StripeEvent
    intent = payment_intent("pi_9", 1999, "succeeded", currency="jpy", created=1796000000)
    paid = model.model_validate(
        event("evt_9", "payment_intent.succeeded", intent, created=1796000500)
    )
    other = model.model_validate(
        event("evt_8", "charge.refunded", {"id": "ch_1"}, created=1796000600)
    )

    (item,) = normalize(paid)

    assert (item.external_id, item.status, item.amount, item.currency) == (
        "pi_9",
        "succeeded",
        1999,
        "JPY",
    )
    assert item.title == "Order 1001"
    assert item.occurred_at == datetime.fromtimestamp(1796000000, UTC)
    assert item.source_updated_at == datetime.fromtimestamp(1796000500, UTC)
    assert item.attributes["event_type"] == "payment_intent.succeeded"
    assert normalize(other) == []


@pytest.mark.points(3)
async def test_bad_records_are_counted_and_the_good_ones_stored(
    client: httpx.AsyncClient, github_fake: FakeGitHub, caplog: pytest.LogCaptureFixture
) -> None:
    missing = repo(201, "no-date", "2026-11-27T00:00:00Z")
    del missing["updated_at"]
    wrong_type = {**repo(202, "stars", "2026-11-27T00:00:00Z"), "stargazers_count": "many"}
    not_a_record = "surprise"
    extra = {**repo(203, "extra", "2026-11-27T00:00:00Z"), "brand_new_field": {"x": 1}}
    github_fake.repos += [missing, wrong_type, not_a_record, extra]  # type: ignore[list-item]

    status = await sync(client, "github")

    assert status["status"] == "partial"
    assert status["counts"]["invalid"] == 3
    assert status["counts"]["received"] == 9  # 7 repositories, 2 issues
    names = {i["title"] for i in await items(client, kind="repository")}
    assert names == {
        "acme/rocket",
        "acme/engine",
        "acme/hangar",
        "acme/extra",
    }  # extra fields: fine


@pytest.mark.points(2)
async def test_text_postgresql_cannot_store_is_an_invalid_record_not_a_crash(
    client: httpx.AsyncClient, github_fake: FakeGitHub
) -> None:
    github_fake.issues["acme/rocket"][0]["title"] = "Launch\u0000fails"

    status = await sync(client, "github")

    assert status["status"] == "partial"
    assert status["counts"]["invalid"] == 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault.body(b'[{"id": 103, "full_name": "acme/rock'),  # partial JSON
        Fault.body(b"<html>502 Bad Gateway</html>", content_type="text/html"),
        Fault.body(b'{"message": "an object, not a list"}'),
        Fault.body(b"\xff\xfe\x00garbage"),
    ],
    ids=["partial-json", "html", "wrong-envelope", "not-utf8"],
)
async def test_a_malformed_response_fails_the_run_and_keeps_the_stored_data(
    client: httpx.AsyncClient, github: FakeUpstream, db_connection: AsyncConnection, fault: Fault
) -> None:
    await sync(client, "github")
    before = await items(client)
    github.inject(fault)

    status = await sync(client, "github")

    assert status["status"] == "failed"
    assert status["last_error"]
    assert status["last_success_at"] is not None  # the good run is still on record
    assert await items(client) == before
    assert await count_rows(db_connection, "items") == 5


@pytest.mark.parametrize(
    "change",
    ["misaligned", "fahrenheit", "no-hourly"],
)
async def test_a_forecast_that_breaks_its_documented_shape_is_invalid(
    client: httpx.AsyncClient, meteo: FakeUpstream, meteo_fake: FakeOpenMeteo, change: str
) -> None:
    body = forecast(52.52, 13.41)
    if change == "misaligned":
        body["hourly"]["temperature_2m"].pop()
    elif change == "fahrenheit":
        body["hourly_units"]["temperature_2m"] = "°F"
    else:
        del body["hourly"]
    meteo_fake.overrides[(52.52, 13.41)] = body

    status = await sync(client, "weather")

    assert (status["status"], status["counts"]["invalid"]) == ("partial", 1)
    assert await items(client, source="weather") == []


@pytest.mark.points(2)
async def test_a_malformed_stripe_page_fails_the_run(
    client: httpx.AsyncClient, stripe: FakeUpstream
) -> None:
    stripe.inject(Fault.body(json.dumps({"object": "list", "data": "nope"}).encode()))

    status = await sync(client, "payments")

    assert status["status"] == "failed"
    assert "list envelope" in status["last_error"]


async def test_a_page_whose_last_record_has_no_id_cannot_continue(
    client: httpx.AsyncClient, stripe: FakeUpstream
) -> None:
    body = {"object": "list", "data": [{"no": "id"}], "has_more": True, "url": "/v1/events"}
    stripe.inject(Fault.body(json.dumps(body).encode()))

    status = await sync(client, "payments")

    assert status["status"] == "failed"
    assert "no id" in status["last_error"]


async def test_a_wrong_api_key_is_a_rejected_sync(client: httpx.AsyncClient, app: Any) -> None:
    app.state.integrations.sources["payments"].client.http.headers["Authorization"] = "Bearer x"

    status = await sync(client, "payments")

    assert status["status"] == "failed"
    assert "HTTP 401" in status["last_error"]


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [(2000, "eur", "20.00 EUR"), (5, "usd", "0.05 USD"), (1999, "jpy", "1999 JPY"),
     (1500, "kwd", "1.500 KWD"), (0, "gbp", "0.00 GBP")],
)  # fmt: skip
def test_amounts_are_shown_in_the_currency_s_own_unit(
    amount: int, currency: str, shown: str
) -> None:
    format_amount = impl_module("week08", "sources.payments.normalize").format_amount

    assert format_amount(amount, currency) == shown
