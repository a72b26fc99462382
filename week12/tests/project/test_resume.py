"""Task 7: heartbeat and resume. A client that reconnects with the id of the last event it saw
gets what it missed (or ``resync`` when that event is too old to find); a socket silent past
the idle timeout is closed, so a dead peer does not hold it for ever.
"""

import asyncio
import json
from dataclasses import replace
from typing import Any

import pytest

from testkit import impl_module
from testkit.http import LiveServer

from .conftest import Live
from .realtime import api, close_code, events_of, new_user, raw_socket, receive

pytestmark = [pytest.mark.task(7), pytest.mark.points(2)]

GOING_AWAY = 1001


async def test_a_client_resumes_after_the_last_event_it_saw(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with events_of(live.url, ann.access_token) as ws, api(live.url, ann) as http:
        first = (await http.post("/tasks", json={"title": "Seen"})).json()
        seen = await receive(ws)
        assert seen["task_id"] == first["id"]

    async with api(live.url, ann) as http:  # offline meanwhile: two changes
        missed = (await http.post("/tasks", json={"title": "Missed"})).json()
        assert (await http.delete(f"/tasks/{first['id']}")).status_code == 204

    async with raw_socket(live.url) as ws:
        await ws.send(
            json.dumps({"type": "auth", "token": ann.access_token, "last_event_id": seen["id"]})
        )
        assert (await receive(ws))["type"] == "ready"
        replayed = [await receive(ws) for _ in range(2)]
    assert [(e["type"], e["task_id"]) for e in replayed] == [
        ("task.created", missed["id"]), ("task.deleted", first["id"]),
    ]  # fmt: skip


async def test_an_unknown_last_event_means_resync(live: Live) -> None:
    ann = await new_user(live.url, "ann")
    async with raw_socket(live.url) as ws:
        await ws.send(json.dumps({"type": "auth", "token": ann.access_token, "last_event_id": "x"}))
        assert (await receive(ws))["type"] == "ready"
        assert await receive(ws) == {"type": "resync"}


async def test_a_silent_socket_is_dropped_and_a_pinging_one_is_not(
    live: Live, settings: Any
) -> None:
    quick = replace(settings, ws_idle_timeout=1.0)
    server = LiveServer(impl_module("week12", "main").create_app(live.database_url, quick)).start()
    try:
        ann = await new_user(server.url, "ann")
        ping = json.dumps({"type": "ping"})
        async with (
            events_of(server.url, ann.access_token) as pinging,
            events_of(server.url, ann.access_token) as silent,
        ):
            closed = asyncio.create_task(close_code(silent))
            while not closed.done():
                await pinging.send(ping)
                assert await receive(pinging) == {"type": "pong"}
                await asyncio.sleep(0.1)  # the client's ping interval, well inside the timeout
            assert closed.result() == GOING_AWAY
            await pinging.send(ping)
            assert await receive(pinging) == {"type": "pong"}  # still open
    finally:
        server.stop()
