"""Run a request again when it only lost a race inside the database.

Two transactions that each wait for a lock the other holds (a deadlock) cannot both go on:
PostgreSQL ends one of them with SQLSTATE 40P01. Under ``REPEATABLE READ`` or ``SERIALIZABLE`` it
also ends one that cannot be ordered with a concurrent one (40001). Neither request did anything
wrong, and the other one has moved on: the loser should simply run again.

The unit of work is the whole request (one transaction, committed in ``get_session``), so the
whole request runs again: this middleware keeps the request body, calls the app again, up to
``ATTEMPTS`` times with a short random pause (so two losers do not collide again in lockstep),
and only then answers 409 for the client to retry later. It can do so only while no response
has started, which holds here: the session commits before the response is sent.
"""

from __future__ import annotations

import asyncio
import random

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .db_errors import is_transient
from .problems import problem

ATTEMPTS = 3
PAUSE = 0.02  # seconds, times the attempt number, times a random factor in [0, 1)


async def read_request(receive: Receive) -> list[Message]:
    """Every message of the request body, to hand it to the app once per attempt."""
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            return messages


def replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def receive_again() -> Message:
        return pending.pop(0) if pending else await receive()

    return receive_again


class RetryTransientErrors:
    """Pure ASGI middleware: retry on deadlock or serialization failure, then 409."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = await read_request(receive)
        started = False

        async def send_and_note(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        for attempt in range(1, ATTEMPTS + 1):
            try:
                await self.app(scope, replay(body, receive), send_and_note)
                return
            except Exception as exc:
                if started or not is_transient(exc):
                    raise
                if attempt < ATTEMPTS:
                    await asyncio.sleep(PAUSE * attempt * random.random())  # noqa: S311 - jitter
        response = problem(
            Request(scope), 409, title="Conflict with concurrent requests", slug="conflict",
            detail=f"The request collided with concurrent ones {ATTEMPTS} times; send it again",
        )  # fmt: skip
        await response(scope, receive, send)
