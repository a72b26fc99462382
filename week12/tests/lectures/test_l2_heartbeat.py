"""Lecture 2: a client that stops answering pings is closed (4000) and forgotten within
``interval + timeout``; a client that answers stays."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import pytest
from websockets.exceptions import ConnectionClosed
from week12.lectures.l2_heartbeat import create_app

from testkit.http import LiveServer

from .wsclient import Connect

INTERVAL, TIMEOUT = 0.1, 0.3


async def test_a_silent_client_is_dropped_within_the_bound(
    live_server: Callable[..., LiveServer], ws_connect: Connect
) -> None:
    app = create_app(interval=INTERVAL, timeout=TIMEOUT)
    server = live_server(app)
    async with ws_connect(server.url, "/ws/live") as ws:
        assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "ping"}
        pinged = time.monotonic()
        with pytest.raises(ConnectionClosed) as closed:  # we never answer
            await asyncio.wait_for(ws.recv(), 5)
        waited = time.monotonic() - pinged
    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4000, "heartbeat timeout")
    assert TIMEOUT * 0.9 <= waited < TIMEOUT + 1.0  # not before the timeout, not long after
    assert app.state.live == set()


async def test_a_client_that_answers_stays_connected(
    live_server: Callable[..., LiveServer], ws_connect: Connect
) -> None:
    app = create_app(interval=INTERVAL, timeout=TIMEOUT)
    server = live_server(app)
    async with ws_connect(server.url, "/ws/live") as ws:
        started = time.monotonic()
        for _ in range(5):  # five round trips: longer than one timeout
            assert json.loads(await asyncio.wait_for(ws.recv(), 5)) == {"type": "ping"}
            await ws.send(json.dumps({"type": "pong"}))
        assert time.monotonic() - started > TIMEOUT
        assert len(app.state.live) == 1
