"""Sentry (``sentry.py``): an unhandled error reaches a real HTTP server standing in for sentry.io,
tagged with the request's id and without the app's secrets or the caller's token. Two-sided: with
the SDK's defaults and no ``before_send``, the same error carries the secret to Sentry."""

import gzip
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import sentry_sdk
from fastapi import FastAPI
from fastapi import Request as FastAPIRequest
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from testkit import impl_module
from testkit.http import ClientFactory

from .conftest import Bucket, CurrentSessionmaker, MovableClock, make_app

pytestmark = pytest.mark.task(11)

sentry = impl_module("capstone", "sentry")


@dataclass
class Inbox:
    """Sentry's ingestion endpoint: each envelope's text, and the error events in them."""

    envelopes: list[str] = field(default_factory=list)

    async def receive(self, request: Request) -> Response:
        body = await request.body()
        if request.headers.get("content-encoding") == "gzip":
            body = gzip.decompress(body)
        self.envelopes.append(body.decode())
        return Response('{"id": "0"}', media_type="application/json")

    def events(self) -> list[dict[str, Any]]:
        """An envelope: a header line, then (item header, payload) line pairs."""
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
def inbox(live_server: Any) -> Iterator[tuple[Inbox, str]]:
    """The stand-in on 127.0.0.1 and a DSN that points at it (project 1, key "public")."""
    inbox = Inbox()
    server = live_server(
        Starlette(routes=[Route("/api/1/envelope/", inbox.receive, methods=["POST"])])
    )
    yield inbox, server.url.replace("http://", "http://public@") + "/1"
    sentry_sdk.get_client().close()  # nothing of this test's client reaches another test
    sentry_sdk.init()  # a disabled client: no DSN


def failing_app(
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
) -> FastAPI:
    app: FastAPI = make_app(settings, clock, current_sessionmaker, bucket)

    @app.get("/api/v1/boom")
    async def boom(request: FastAPIRequest) -> None:
        signing_material = request.app.state.settings.jwt_secret.get_secret_value()
        raise RuntimeError(f"signature check failed ({len(signing_material)}-byte key)")

    return app


async def fail(app: Any, asgi_client: ClientFactory, request_id: str, token: str) -> None:
    client: httpx.AsyncClient = await asgi_client(app)
    with pytest.raises(RuntimeError, match="signature check failed"):
        await client.get(
            "/api/v1/boom", headers={"X-Request-ID": request_id, "Authorization": f"Bearer {token}"}
        )


TOKEN = "eyJhbGciOiJIUzI1NiJ9.a-token-of-the-caller.signature"  # noqa: S105 - made up; secrets-scan: allow


async def test_an_error_reaches_sentry_with_the_request_id_and_no_secret(
    app: Any,
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
    asgi_client: ClientFactory,
    inbox: tuple[Inbox, str],
) -> None:
    server, dsn = inbox
    reporting = settings.model_copy(update={"sentry_dsn": SecretStr(dsn)})
    await fail(failing_app(reporting, clock, current_sessionmaker, bucket), asgi_client,
               "req-sentry-1", TOKEN)  # fmt: skip

    event = server.wait_for_event()
    assert event["tags"]["request_id"] == "req-sentry-1"
    assert event["environment"] == settings.app_env
    [exception] = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    frame = exception["stacktrace"]["frames"][-1]
    assert frame["function"] == "boom"
    assert frame["vars"]["signing_material"] == sentry.FILTERED  # found by value, not by name
    headers = {name.lower(): value for name, value in event["request"]["headers"].items()}
    assert headers["authorization"] == sentry.FILTERED
    secret = settings.jwt_secret.get_secret_value()
    assert all(secret not in text and TOKEN not in text for text in server.envelopes)


async def test_without_the_scrubber_the_secret_leaks_in_a_local_variable(
    app: Any,
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
    asgi_client: ClientFactory,
    inbox: tuple[Inbox, str],
) -> None:
    """Why before_send exists: the SDK's defaults send the stack's local variables."""
    server, dsn = inbox
    boom = failing_app(settings, clock, current_sessionmaker, bucket)  # no DSN: no Sentry
    assert sentry.init_sentry(settings) is False
    sentry_sdk.init(dsn=dsn)  # the defaults, no before_send
    await fail(boom, asgi_client, "req-sentry-2", TOKEN)

    event = server.wait_for_event()
    frame = event["exception"]["values"][0]["stacktrace"]["frames"][-1]
    assert frame["vars"]["signing_material"] == repr(settings.jwt_secret.get_secret_value())
    assert any(TOKEN in text for text in server.envelopes)  # in the ASGI scope, a local too
    assert "request_id" not in (event.get("tags") or {})


def test_the_database_password_is_a_secret_too() -> None:
    url = "postgresql://app:pw-of-the-app@db:5432/app"  # secrets-scan: allow
    assert sentry.password_of(url) == ["pw-of-the-app"]
    assert sentry.password_of("postgresql://postgres@127.0.0.1:54329/course") == []
