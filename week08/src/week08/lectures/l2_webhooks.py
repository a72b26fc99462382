"""L2: receiving webhooks: the provider calls *you*, and you must not trust the call.

A webhook is an HTTP POST the provider sends when something happens (a payment succeeded). Your
URL is public, so anyone can POST to it. The provider signs each delivery with a secret you share:

1. **HMAC over the raw body**: ``HMAC-SHA256(secret, f"{timestamp}." + body)``. Read the body as
   bytes (``await request.body()``) and verify *before* parsing: parsed and re-serialised JSON has
   other bytes (spaces, key order) and another HMAC.
2. **Constant-time compare**: ``hmac.compare_digest``. ``==`` returns at the first different byte,
   and that timing tells an attacker how much of a forged signature was right.
3. **Timestamp tolerance**: the timestamp is signed too; refuse deliveries older (or newer) than
   a few minutes, so a captured request cannot be replayed next week.
4. **Replay protection** within the window: remember the event ids you have processed (a
   "seen" store; the project uses a table with the id as primary key) and process each once.
   This also makes the provider's retries (it retries until you answer 2xx) harmless.

Answer 2xx quickly (the provider times out and retries); do slow work later.

Run: ``uv run python -m week08.lectures.l2_webhooks``
"""

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Annotated

import httpx
from fastapi import FastAPI, Header, HTTPException, Request

SECRET = "whsec_lecture"  # noqa: S105 - a demo value; real secrets come from the environment
TOLERANCE = 300


def sign(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(body: bytes, header: str, now: float, secret: str = SECRET) -> None:
    """Raise ``ValueError`` saying why the delivery cannot be trusted."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    if not fields.get("t", "").isdigit() or "v1" not in fields:
        raise ValueError("malformed signature header")
    timestamp = int(fields["t"])
    expected = sign(body, timestamp, secret).split("v1=")[1]
    if not hmac.compare_digest(expected.encode(), fields["v1"].encode()):
        raise ValueError("signature does not match")
    if abs(now - timestamp) > TOLERANCE:
        raise ValueError("timestamp outside the tolerance")


def make_app(now: Callable[[], float] = time.time) -> FastAPI:
    app = FastAPI()
    seen: set[str] = set()  # a real app: a table with the event id as primary key
    app.state.processed = []

    @app.post("/webhooks")
    async def receive(
        request: Request, signature: Annotated[str, Header(alias="Webhook-Signature")] = ""
    ) -> dict[str, str]:
        body = await request.body()  # the raw bytes, exactly as signed
        try:
            verify(body, signature, now())
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        event = json.loads(body)
        if event["id"] in seen:
            return {"status": "duplicate"}  # 2xx: the provider stops retrying
        seen.add(event["id"])
        app.state.processed.append(event["id"])
        return {"status": "processed"}

    return app


async def deliver(client: httpx.AsyncClient, body: bytes, signature: str) -> str:
    response = await client.post(
        "/webhooks", content=body, headers={"Webhook-Signature": signature}
    )
    return f"{response.status_code} {response.json()}"


async def demo() -> dict[str, str]:
    now = 1_796_112_000
    app = make_app(now=lambda: now)
    event = {"id": "evt_1", "type": "payment.succeeded", "amount": 2000}
    body = json.dumps(event, indent=2).encode()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        reserialised = json.dumps(json.loads(body)).encode()  # the same JSON, other bytes
        return {
            "signed": await deliver(client, body, sign(body, now)),
            "again": await deliver(client, body, sign(body, now)),
            "tampered": await deliver(client, body.replace(b"2000", b"1"), sign(body, now)),
            "re-serialised": await deliver(client, reserialised, sign(body, now)),
            "old": await deliver(client, body, sign(body, now - 600)),
            "wrong secret": await deliver(client, body, sign(body, now, "guess")),
        }


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key:>13}: {value}")


if __name__ == "__main__":
    main()
