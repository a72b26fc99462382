"""Task 8: signed webhooks: signature over the raw body, tolerance, replay, idempotency."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection
from week08.fakes.stripe import WEBHOOK_SECRET, event, payment_intent, sign, webhook

from testkit import impl_module
from testkit.fake_upstream import FakeClock
from testkit.http import ClientFactory

from .conftest import count_rows, items

pytestmark = pytest.mark.task(8)

URL = "/webhooks/payments"


def succeeded(created: int, event_id: str = "evt_w1", status: str = "succeeded") -> dict[str, Any]:
    intent = payment_intent("pi_w", 4200, status, created=created - 60)
    return event(event_id, f"payment_intent.{status}", intent, created=created)


def verify() -> Any:
    return impl_module("week08", "sources.payments.signatures").verify_signature


def invalid() -> type[Exception]:
    error: type[Exception] = impl_module("week08", "errors").InvalidWebhookError
    return error


@pytest.mark.points(3)
async def test_a_signed_event_is_processed(client: httpx.AsyncClient, clock: FakeClock) -> None:
    body, headers = webhook(succeeded(int(clock())), timestamp=int(clock()))

    response = await client.post(URL, content=body, headers=headers)

    assert response.status_code == 200
    assert response.json() == {"event_id": "evt_w1", "status": "processed"}
    (payment,) = await items(client, source="payments")
    assert (payment["external_id"], payment["status"], payment["amount"]) == (
        "pi_w",
        "succeeded",
        4200,
    )


@pytest.mark.points(3)
async def test_the_same_event_twice_changes_nothing(
    client: httpx.AsyncClient, clock: FakeClock, db_connection: AsyncConnection
) -> None:
    body, headers = webhook(succeeded(int(clock())), timestamp=int(clock()))
    await client.post(URL, content=body, headers=headers)
    before = await items(client)

    again = await client.post(URL, content=body, headers=headers)

    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert await items(client) == before
    assert await count_rows(db_connection, "webhook_events") == 1


@pytest.mark.points(2)
async def test_a_late_older_event_does_not_undo_a_newer_state(
    client: httpx.AsyncClient, clock: FakeClock
) -> None:
    now = int(clock())
    newer, h1 = webhook(succeeded(now, "evt_new"), timestamp=now)
    older, h2 = webhook(succeeded(now - 30, "evt_old", status="processing"), timestamp=now)

    await client.post(URL, content=newer, headers=h1)
    response = await client.post(URL, content=older, headers=h2)

    assert response.json()["status"] == "processed"
    (payment,) = await items(client, source="payments")
    assert payment["status"] == "succeeded"


async def test_an_event_type_we_do_not_handle_is_acknowledged_and_ignored(
    client: httpx.AsyncClient, clock: FakeClock
) -> None:
    customer = event("evt_c", "customer.created", {"id": "cus_1"}, created=int(clock()))
    body, headers = webhook(customer, timestamp=int(clock()))

    response = await client.post(URL, content=body, headers=headers)

    assert response.json() == {"event_id": "evt_c", "status": "ignored"}
    assert await items(client) == []


@pytest.mark.parametrize(
    "tamper",
    ["body", "secret", "missing", "no-v1", "no-t", "garbage", "non-ascii", "stale", "future"],
)
async def test_a_request_we_cannot_trust_is_a_400_and_changes_nothing(
    client: httpx.AsyncClient, clock: FakeClock, db_connection: AsyncConnection, tamper: str
) -> None:
    now = int(clock())
    body, headers = webhook(succeeded(now), timestamp=now)
    if tamper == "body":
        body = body.replace(b"4200", b"1")
    elif tamper == "secret":
        body, headers = webhook(succeeded(now), timestamp=now, secret="whsec_attacker")  # noqa: S106
    elif tamper == "missing":
        del headers["Stripe-Signature"]
    elif tamper == "no-v1":
        headers["Stripe-Signature"] = f"t={now}"
    elif tamper == "no-t":
        headers["Stripe-Signature"] = headers["Stripe-Signature"].split(",")[1]
    elif tamper == "garbage":
        headers["Stripe-Signature"] = "t=abc,v1=,,=,v0=zz"
    elif tamper == "non-ascii":
        headers["Stripe-Signature"] = f"t={now},v1=??"
    elif tamper == "stale":
        body, headers = webhook(succeeded(now), timestamp=now - 301)
    else:
        body, headers = webhook(succeeded(now), timestamp=now + 301)
    sent = {name.encode(): value.encode() for name, value in headers.items()}  # bytes: any octet
    if tamper == "non-ascii":
        sent[b"Stripe-Signature"] = f"t={now},v1=éé".encode()

    response = await client.post(URL, content=body, headers=sent)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert await count_rows(db_connection, "items") == 0
    assert await count_rows(db_connection, "webhook_events") == 0


@pytest.mark.parametrize(
    "payload",
    [
        b"not json",
        b'{"id": "evt_1"}',
        json.dumps({**succeeded(1796112000), "type": "payment_intent.\u0000"}).encode(),
        json.dumps({**succeeded(1796112000), "data": {"object": {"id": "pi_x"}}}).encode(),
        json.dumps(
            succeeded(1796112000) | {"data": {"object": payment_intent("pi_n", 1, "a\u0000b")}}
        ).encode(),
    ],
    ids=["not-json", "not-an-event", "nul-in-type", "bad-intent", "nul-in-status"],
)
async def test_a_signed_but_malformed_payload_is_a_400_and_not_marked_seen(
    client: httpx.AsyncClient, clock: FakeClock, db_connection: AsyncConnection, payload: bytes
) -> None:
    body, headers = webhook(payload, timestamp=int(clock()))

    response = await client.post(URL, content=body, headers=headers)

    assert response.status_code == 400
    assert await count_rows(db_connection, "webhook_events") == 0


async def test_an_oversized_payload_is_refused(client: httpx.AsyncClient, clock: FakeClock) -> None:
    body, headers = webhook(b"{" + b" " * 300_000 + b"}", timestamp=int(clock()))

    assert (await client.post(URL, content=body, headers=headers)).status_code == 400


@pytest.mark.points(2)
def test_the_signature_covers_the_raw_bytes_not_the_parsed_json() -> None:
    body, headers = webhook(succeeded(1796112000), timestamp=1796112000)
    compact = json.dumps(json.loads(body), separators=(",", ":")).encode()  # same JSON, new bytes

    assert verify()(
        body, headers["Stripe-Signature"], WEBHOOK_SECRET, tolerance=300, now=1796112000
    )
    with pytest.raises(invalid(), match="does not match"):
        verify()(
            compact, headers["Stripe-Signature"], WEBHOOK_SECRET, tolerance=300, now=1796112000
        )


@pytest.mark.points(2)
def test_any_matching_v1_is_enough_during_a_secret_rotation() -> None:
    payload = b'{"id": "evt_r"}'
    old = sign(payload, "whsec_old", 1796112000).split(",")[1]
    header = f"{sign(payload, WEBHOOK_SECRET, 1796112000)},{old}"
    rotated = f"t=1796112000,{old},v1={sign(payload, WEBHOOK_SECRET, 1796112000).split('v1=')[1]}"

    assert verify()(payload, header, WEBHOOK_SECRET, tolerance=300, now=1796112000) == 1796112000
    assert verify()(payload, rotated, WEBHOOK_SECRET, tolerance=300, now=1796112000) == 1796112000


def test_the_tolerance_is_inclusive() -> None:
    payload = b"{}"
    header = sign(payload, WEBHOOK_SECRET, 1796112000)

    assert verify()(payload, header, WEBHOOK_SECRET, tolerance=300, now=1796112300)
    with pytest.raises(invalid(), match="tolerance"):
        verify()(payload, header, WEBHOOK_SECRET, tolerance=300, now=1796112301)


async def test_webhooks_without_a_configured_secret_are_all_refused(
    client: httpx.AsyncClient, app: Any, clock: FakeClock
) -> None:
    from dataclasses import replace

    app.state.settings = replace(app.state.settings, payments_webhook_secret="")
    body, headers = webhook(succeeded(int(clock())), timestamp=int(clock()), secret="")

    response = await client.post(URL, content=body, headers=headers)

    assert response.status_code == 400
    assert "not configured" in response.json()["detail"]


async def test_seen_ids_older_than_the_retention_are_forgotten(
    client: httpx.AsyncClient, clock: FakeClock, db_connection: AsyncConnection
) -> None:
    await db_connection.execute(
        text("INSERT INTO webhook_events (event_id, type, received_at) VALUES "
             "('evt_old', 'x', :old), ('evt_recent', 'x', :recent)"),
        {"old": datetime.fromtimestamp(clock() - 4 * 86400, UTC),
         "recent": datetime.fromtimestamp(clock() - 2 * 86400, UTC)},
    )  # fmt: skip
    body, headers = webhook(succeeded(int(clock())), timestamp=int(clock()))

    await client.post(URL, content=body, headers=headers)

    ids = set(await db_connection.scalars(text("SELECT event_id FROM webhook_events")))
    assert ids == {"evt_recent", "evt_w1"}


@pytest.mark.points(2)
async def test_concurrent_deliveries_of_one_event_are_processed_once(
    app_on_a_real_database: Any, asgi_client: ClientFactory, clock: FakeClock
) -> None:
    # A real engine and pool: the deliveries run in concurrent transactions, as in production.
    client = await asgi_client(app_on_a_real_database, base_url="http://testserver/api/v1")
    body, headers = webhook(succeeded(int(clock())), timestamp=int(clock()))

    responses = await asyncio.gather(
        *(client.post(URL, content=body, headers=headers) for _ in range(8))
    )

    assert {r.status_code for r in responses} == {200}
    outcomes = sorted(r.json()["status"] for r in responses)
    assert outcomes == ["duplicate"] * 7 + ["processed"]
