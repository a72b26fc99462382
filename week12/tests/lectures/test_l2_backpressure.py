"""Lecture 2: a client that stops reading is dropped with 1013 while a fast one gets everything."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from week12.lectures.l2_backpressure import create_app

from testkit.http import LiveServer

from .wsclient import Connect

MESSAGES, SIZE = 600, 64 * 1024  # 38 MB: more than the socket buffers between server and client
PAUSE_MS = 2  # a pace a reading client keeps up with, even on a loaded machine


async def test_a_slow_consumer_is_dropped_and_the_others_are_not_held_up(
    live_server: Callable[..., LiveServer], ws_connect: Connect
) -> None:
    app = create_app(max_pending=64)
    server = live_server(app)
    # No compression (the payload would shrink to nothing) and a tiny client-side queue, so
    # the slow client's unread messages back up to the server.
    options = {"compression": None, "max_size": 2 * SIZE, "max_queue": 1}
    async with (
        ws_connect(server.url, "/ws/feed", **options) as fast,
        ws_connect(server.url, "/ws/feed", **options) as slow,
    ):
        for ws in (fast, slow):
            assert await asyncio.wait_for(ws.recv(), 5) == "subscribed"

        async def read_all() -> int:
            return sum([1 for _ in range(MESSAGES) if await asyncio.wait_for(fast.recv(), 10)])

        reader = asyncio.create_task(read_all())
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            response = await http.post(
                "/publish", params={"count": MESSAGES, "size": SIZE, "pause_ms": PAUSE_MS}
            )
        assert response.status_code == 202
        assert await asyncio.wait_for(reader, 30) == MESSAGES  # the fast client got every one

        deadline = time.monotonic() + 10
        while app.state.hub.dropped == 0:
            assert time.monotonic() < deadline, "the slow client was never dropped"
            await asyncio.sleep(0.01)
        received = 0

        async def drain() -> None:  # the slow client reads at last: some messages, then the close
            nonlocal received
            while True:
                await asyncio.wait_for(slow.recv(), 5)
                received += 1

        with pytest.raises(ConnectionClosed) as closed:
            await drain()
    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (1013, "too slow")
    assert received < MESSAGES
    deadline = time.monotonic() + 10
    while app.state.hub.subscribers:  # the server notices the fast client's close soon after
        assert time.monotonic() < deadline, "a closed client is still subscribed"
        await asyncio.sleep(0.01)
