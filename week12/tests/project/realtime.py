"""Week 12: a real WebSocket client of ``/api/v1/ws`` (the ``websockets`` library), and uvicorn
processes of the app for the scale-out tests.

Every wait has a deadline and waits for something to happen (a message, a closed socket, an open
port), never for a fixed time: a test that would otherwise hang fails within seconds instead.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from testkit import impl_module
from testkit.services.process import free_port, port_open, wait_until

from .factories import PASSWORD, Account

WAIT = 10.0  # seconds: generous for a loaded machine; a correct run takes milliseconds


def ws_url(http_url: str) -> str:
    return "ws" + http_url.removeprefix("http") + "/api/v1/ws"


@asynccontextmanager
async def raw_socket(http_url: str) -> AsyncIterator[ClientConnection]:
    """A connection to ``/api/v1/ws`` that has sent nothing yet. A refused handshake (an endpoint
    that raised before accepting: HTTP 500) fails the test as an assertion."""
    try:
        opened = await connect(ws_url(http_url), open_timeout=WAIT, close_timeout=2, proxy=None)
    except InvalidStatus as exc:
        raise AssertionError(f"the server refused the WebSocket: {exc}") from None
    async with opened as ws:
        yield ws


@asynccontextmanager
async def events_of(http_url: str, token: str) -> AsyncIterator[ClientConnection]:
    """A connection authenticated with ``token``: the server's ``ready`` has been read, so the
    socket is registered and every event published from now on reaches it."""
    async with raw_socket(http_url) as ws:
        await ws.send(json.dumps({"type": "auth", "token": token}))
        ready = await receive(ws)
        assert ready["type"] == "ready", ready
        yield ws


async def receive(ws: ClientConnection) -> dict[str, Any]:
    """The next JSON message (fails after ``WAIT`` seconds without one)."""
    text = await asyncio.wait_for(ws.recv(), WAIT)
    assert isinstance(text, str), "the server sends JSON text frames"
    message: dict[str, Any] = json.loads(text)
    return message


async def close_code(ws: ClientConnection) -> int | None:
    """The code the server closed the socket with (reading until it does)."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), WAIT)
    except ConnectionClosed:
        pass
    return ws.close_code


async def new_user(http_url: str, prefix: str = "user") -> Account:
    """A user registered and logged in through the API of the app at ``http_url``."""
    email = f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"
    async with httpx.AsyncClient(base_url=f"{http_url}/api/v1", timeout=30) as client:
        registered = await client.post(
            "/auth/register", json={"email": email, "password": PASSWORD}
        )
        assert registered.status_code == 201, registered.text
        form = {"username": email, "password": PASSWORD}
        tokens = await client.post("/auth/token", data=form)
        assert tokens.status_code == 200, tokens.text
    body = tokens.json()
    return Account(registered.json()["id"], email, body["access_token"], body["refresh_token"])


def api(http_url: str, account: Account) -> httpx.AsyncClient:
    """A v1 client of the app at ``http_url`` as ``account``."""
    headers = {"Authorization": f"Bearer {account.access_token}"}
    return httpx.AsyncClient(base_url=f"{http_url}/api/v1", headers=headers, timeout=30)


@contextmanager
def app_processes(env: dict[str, str], count: int = 2) -> Iterator[list[str]]:
    """``count`` uvicorn processes of the app (the implementation under test), started side by
    side; their URLs. uvicorn binds its port after the lifespan ran, so an open port means that
    process is subscribed to Redis."""
    factory = f"{impl_module('week12', 'main').__name__}:create_app"
    ports = [free_port() for _ in range(count)]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                factory,
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            env={**os.environ, **env},
            start_new_session=True,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_until(lambda port=port: port_open(port), 60, f"the app on port {port}")  # type: ignore[misc]
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(10)
