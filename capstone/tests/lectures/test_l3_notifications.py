"""Lecture 3: notifications through an interface (real SMTP on loopback) and a signed
delivery-event webhook that believes only what its signature proves."""

from __future__ import annotations

import base64
import json
import time

import pytest
import pytest_asyncio
from capstone.lectures.l3_notifications import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeliveryLog,
    SmtpNotifier,
    WebhookVerifier,
    create_app,
    task_assigned,
)
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from httpx import AsyncClient

from testkit.http import ClientFactory
from testkit.smtp import SmtpServer

PROVIDER_KEY = ec.generate_private_key(ec.SECP256R1())  # the provider's; we hold the public half


def signed(body: bytes, at: float | None = None) -> dict[str, str]:
    timestamp = str(int(time.time() if at is None else at))
    der = PROVIDER_KEY.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    return {SIGNATURE_HEADER: base64.b64encode(der).decode(), TIMESTAMP_HEADER: timestamp}


def events(*items: tuple[str, str, str]) -> bytes:
    return json.dumps(
        [
            {"sg_event_id": e, "sg_message_id": m, "event": s, "email": "a@x.test"}
            for e, m, s in items
        ]
    ).encode()


@pytest_asyncio.fixture(loop_scope="session")
async def hook(asgi_client: ClientFactory) -> tuple[AsyncClient, DeliveryLog]:
    log = DeliveryLog()
    verifier = WebhookVerifier(PROVIDER_KEY.public_key())
    return await asgi_client(create_app(verifier, log)), log


async def test_a_notification_goes_out_by_smtp_with_its_message_id(smtp_server: SmtpServer) -> None:
    notifier = SmtpNotifier(smtp_server.host, smtp_server.port)
    message_id = await task_assigned(notifier, "ada@example.test", "Ship v2")
    [mail] = smtp_server.wait_for(1)
    assert mail["Subject"] == "You were assigned: Ship v2"
    assert mail["Message-ID"] == message_id
    assert smtp_server.received[0].rcpt_tos == ("ada@example.test",)


async def test_signed_events_update_the_delivery_status_once(
    hook: tuple[AsyncClient, DeliveryLog],
) -> None:
    client, log = hook
    body = events(("e1", "m1", "delivered"), ("e2", "m2", "bounce"))
    response = await client.post("/webhooks/email-events", content=body, headers=signed(body))
    assert response.status_code == 204
    assert log.status == {"m1": "delivered", "m2": "bounce"}
    later = events(("e3", "m1", "open"))
    await client.post("/webhooks/email-events", content=later, headers=signed(later))
    replayed = events(("e1", "m1", "delivered"))  # the provider retried an old event
    await client.post("/webhooks/email-events", content=replayed, headers=signed(replayed))
    assert log.status["m1"] == "open"


async def test_forged_tampered_or_stale_requests_are_refused(
    hook: tuple[AsyncClient, DeliveryLog],
) -> None:
    client, log = hook
    body = events(("e9", "m9", "delivered"))
    forger = ec.generate_private_key(ec.SECP256R1())
    timestamp = str(int(time.time()))
    forged = base64.b64encode(
        forger.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    ).decode()
    for content, headers in [
        (body, {SIGNATURE_HEADER: forged, TIMESTAMP_HEADER: timestamp}),  # someone else's key
        (body.replace(b"delivered", b"bounce"), signed(body)),  # body changed after signing
        (body, signed(body, at=time.time() - 3600)),  # an hour-old capture, replayed
        (body, {SIGNATURE_HEADER: "not base64!", TIMESTAMP_HEADER: timestamp}),
        (body, {}),
    ]:
        response = await client.post("/webhooks/email-events", content=content, headers=headers)
        assert response.status_code == 403
    assert "m9" not in log.status


@pytest.mark.parametrize("body", [b"{}", b"[1]", b"not json", b'[{"event": "open"}]'])
async def test_a_signed_but_malformed_body_is_422(
    hook: tuple[AsyncClient, DeliveryLog], body: bytes
) -> None:
    client, _ = hook
    response = await client.post("/webhooks/email-events", content=body, headers=signed(body))
    assert response.status_code == 422
