"""Sentry: the event reaches a real HTTP server (standing in for sentry.io) with the request id,
and without the app's secrets once ``before_send`` scrubs it."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx
import pytest
import sentry_sdk
from deploy.lectures.service import create_app
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from testkit.http import LiveServer

from .conftest import SECRET, MakeSettings

Client = Callable[..., Awaitable[httpx.AsyncClient]]


class Inbox:
    """What Sentry's ingestion endpoint received: each envelope's raw text and its events."""

    def __init__(self) -> None:
        self.envelopes: list[str] = []

    async def receive(self, request: Request) -> Response:
        body = await request.body()
        if request.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        self.envelopes.append(body.decode())
        return Response('{"id": "0"}', media_type="application/json")

    def events(self) -> list[dict[str, Any]]:
        """Envelope: a header line, then (item header, payload) pairs; keep the error events."""
        found = []
        for envelope in self.envelopes:
            lines = envelope.splitlines()[1:]
            for header, payload in zip(lines[::2], lines[1::2], strict=False):
                if json.loads(header).get("type") == "event":
                    found.append(json.loads(payload))
        return found

    def wait_for_event(self, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while not self.events():
            assert time.monotonic() < deadline, "no event reached the Sentry server"
            sentry_sdk.flush(timeout=1)
        [event] = self.events()
        return event


@pytest.fixture
def inbox(live_server: Callable[..., LiveServer]) -> Iterator[tuple[Inbox, str]]:
    """A Sentry stand-in on 127.0.0.1 and the DSN that points at it (project 1, key "public")."""
    inbox = Inbox()
    server = live_server(
        Starlette(routes=[Route("/api/1/envelope/", inbox.receive, methods=["POST"])])
    )
    yield inbox, server.url.replace("http://", "http://public@") + "/1"
    sentry_sdk.get_client().close()  # no event of this test's client leaks into another test
    sentry_sdk.init()  # a disabled client: no DSN


async def failing_request(client: httpx.AsyncClient, request_id: str) -> None:
    with pytest.raises(RuntimeError, match="signature check failed"):
        await client.get(
            "/boom",
            headers={"X-Request-ID": request_id, "Authorization": f"Bearer {SECRET}"},
        )


async def test_an_error_reaches_sentry_with_the_request_id_and_no_secret(
    make_settings: MakeSettings, asgi_client: Client, inbox: tuple[Inbox, str]
) -> None:
    server, dsn = inbox
    client = await asgi_client(create_app(make_settings(sentry_dsn=dsn)))
    await failing_request(client, "req-sentry-1")

    event = server.wait_for_event()
    assert event["tags"]["request_id"] == "req-sentry-1"
    assert event["environment"] == "development"
    [exception] = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    frame = exception["stacktrace"]["frames"][-1]
    assert frame["function"] == "boom"
    assert frame["vars"]["signing_material"] == "[Filtered]"  # found by value, not by name
    assert event["request"]["headers"]["authorization"] == "[Filtered]"
    assert all(SECRET not in envelope for envelope in server.envelopes)


async def test_without_the_scrubber_the_secret_leaks_in_a_local_variable(
    make_settings: MakeSettings, asgi_client: Client, inbox: tuple[Inbox, str]
) -> None:
    """Why before_send exists: Sentry's defaults send the stack's locals."""
    server, dsn = inbox
    client = await asgi_client(create_app(make_settings()))  # no DSN: create_app inits nothing
    sentry_sdk.init(dsn=dsn)  # the defaults, no before_send
    await failing_request(client, "req-sentry-2")

    event = server.wait_for_event()
    frame = event["exception"]["values"][0]["stacktrace"]["frames"][-1]
    assert SECRET in frame["vars"]["signing_material"]
