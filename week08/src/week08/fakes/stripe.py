"""A fake of Stripe's events API (``GET /v1/events``) and a sender of its signed webhooks.

Like Stripe: ``Authorization: Bearer <key>`` or 401; events newest first; ``limit``,
``starting_after`` (cursor pagination with ``has_more``), ``type`` with a ``*`` wildcard and
``created[gte]``; the list envelope ``{"object": "list", "data": [...], "has_more": ..., "url": ...}``.
"""

from __future__ import annotations

import fnmatch
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.fake_upstream import FakeUpstream, RateLimit

API_KEY = "sk_test_fake_0000000000"
WEBHOOK_SECRET = "whsec_fake_0000000000"  # noqa: S105 - a test value, not a secret


def payment_intent(
    intent_id: str, amount: int, status: str, *, currency: str = "eur", created: int = 1796029000,
    description: str | None = "Order 1001",
) -> dict[str, Any]:  # fmt: skip
    return {
        "id": intent_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_received": amount if status == "succeeded" else 0,
        "currency": currency,
        "status": status,
        "created": created,
        "description": description,
        "livemode": False,
        "metadata": {"order_id": "1001"},
        "payment_method_types": ["card"],
    }


def event(event_id: str, event_type: str, obj: dict[str, Any], *, created: int) -> dict[str, Any]:
    return {
        "id": event_id,
        "object": "event",
        "api_version": "2024-06-20",
        "created": created,
        "type": event_type,
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "data": {"object": obj},
    }


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """The ``Stripe-Signature`` header the provider computes (independent of the service's code)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def webhook(
    body: dict[str, Any] | bytes, *, timestamp: int, secret: str = WEBHOOK_SECRET
) -> tuple[bytes, dict[str, str]]:
    """The raw body and headers Stripe would POST to a webhook endpoint."""
    payload = body if isinstance(body, bytes) else json.dumps(body, indent=2).encode()
    headers = {"Content-Type": "application/json; charset=utf-8",
               "Stripe-Signature": sign(payload, secret, timestamp)}  # fmt: skip
    return payload, headers


@dataclass
class FakeStripe:
    events: list[dict[str, Any]] = field(default_factory=list)  # any order; served newest first
    api_key: str = API_KEY

    def routes(self) -> list[Route]:
        return [Route("/v1/events", self.list_events)]

    def upstream(self, rate_limit: RateLimit | None = None) -> FakeUpstream:
        return FakeUpstream(self.routes(), rate_limit=rate_limit)

    async def list_events(self, request: Request) -> JSONResponse:
        if request.headers.get("authorization") != f"Bearer {self.api_key}":
            error = {"type": "invalid_request_error", "message": "Invalid API Key provided"}
            return JSONResponse({"error": error}, status_code=401)
        query = request.query_params
        events = sorted(self.events, key=lambda e: (e["created"], e["id"]), reverse=True)
        if pattern := query.get("type"):
            events = [e for e in events if fnmatch.fnmatchcase(e["type"], pattern)]
        if gte := query.get("created[gte]"):
            events = [e for e in events if e["created"] >= int(gte)]
        if after := query.get("starting_after"):
            ids = [e["id"] for e in events]
            events = events[ids.index(after) + 1 :] if after in ids else []
        limit = min(100, max(1, int(query.get("limit", "10"))))
        body = {"object": "list", "data": events[:limit], "has_more": len(events) > limit,
                "url": "/v1/events"}  # fmt: skip
        return JSONResponse(body)
