"""A notification provider behind an interface, and its delivery-event webhook (lecture 3).

The application depends on ``Notifier`` (one method), never on a provider's SDK: ``SmtpNotifier``
talks SMTP (a local relay in development, the testkit's server in tests); a SendGrid or SES
notifier would be one more class with the same method. Swapping providers touches no service.

Providers report what happened *later* (delivered, bounced, opened) by POSTing events to a
webhook of ours. Anyone can POST to a public URL, so the request is believed only when its
signature verifies. This follows SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256)
signature, base64, over the timestamp header followed by the raw body, checked with the provider's
public key; a timestamp older than a few minutes is refused too (a replayed capture).
Events arrive at least once, in any order: they are stored keyed by their event id.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import smtplib
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Annotated, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi import FastAPI, Header, HTTPException, Request, Response

SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature"
TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp"
TOLERANCE = 300  # seconds


@dataclass(frozen=True)
class Notification:
    to: str
    subject: str
    body: str


class Notifier(Protocol):
    async def send(self, notification: Notification) -> str:
        """Hand the notification to the provider; its message id (to match delivery events)."""
        ...


class SmtpNotifier:
    def __init__(self, host: str, port: int, sender: str = "noreply@capstone.example") -> None:
        self.host, self.port, self.sender = host, port, sender

    async def send(self, notification: Notification) -> str:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = notification.to
        message["Subject"] = notification.subject
        message["Message-ID"] = message_id = make_msgid(domain="capstone.example")
        message.set_content(notification.body)
        await asyncio.to_thread(self._deliver, message)  # smtplib blocks: not on the event loop
        return message_id

    def _deliver(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            smtp.send_message(message)


async def task_assigned(notifier: Notifier, email: str, task_title: str) -> str:
    """A service: it knows what to say, not how it travels."""
    return await notifier.send(
        Notification(email, f"You were assigned: {task_title}", f"'{task_title}' is yours now.")
    )


class WebhookVerifier:
    def __init__(self, public_key: ec.EllipticCurvePublicKey, tolerance: int = TOLERANCE) -> None:
        self.public_key = public_key
        self.tolerance = tolerance

    def verify(self, body: bytes, signature: str, timestamp: str) -> bool:
        try:
            age = time.time() - int(timestamp)
            der = base64.b64decode(signature, validate=True)
            self.public_key.verify(der, timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
        except (ValueError, binascii.Error, InvalidSignature):
            return False
        return -self.tolerance <= age <= self.tolerance


@dataclass
class DeliveryLog:
    """Latest status per message, and the event ids seen (a retried POST changes nothing)."""

    status: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)


def create_app(verifier: WebhookVerifier, log: DeliveryLog) -> FastAPI:
    app = FastAPI()

    @app.post("/webhooks/email-events", status_code=204)
    async def email_events(
        request: Request,
        signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER)] = None,
        timestamp: Annotated[str | None, Header(alias=TIMESTAMP_HEADER)] = None,
    ) -> Response:
        body = await request.body()  # the raw bytes: re-serialised JSON would not verify
        if not signature or not timestamp or not verifier.verify(body, signature, timestamp):
            raise HTTPException(403, "invalid webhook signature")
        try:
            events = json.loads(body)
            if not isinstance(events, list):
                raise TypeError("not a list")
            updates = [(e["sg_event_id"], e["sg_message_id"], e["event"]) for e in events]
        except (ValueError, TypeError, KeyError) as exc:
            raise HTTPException(422, "expected a JSON list of events") from exc
        for event_id, message_id, status in updates:
            if event_id not in log.seen:
                log.seen.add(event_id)
                log.status[message_id] = status
        return Response(status_code=204)

    return app
