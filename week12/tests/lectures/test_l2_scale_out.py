"""Lecture 2: two uvicorn *processes* share nothing but Redis; a message posted to process A
reaches a WebSocket client connected to process B. No sleeps: each step waits for an answer."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from testkit.services.process import free_port, port_open, wait_until

from .wsclient import Connect

APP = "week12.lectures.l2_scale_out:app_from_env"


@contextmanager
def uvicorn_processes(redis_url: str, count: int = 2) -> Iterator[list[str]]:
    """``count`` uvicorn processes of their own serving the scale-out app, started side by side
    (each takes seconds to import); their URLs. uvicorn binds the port after the lifespan ran, so
    an open port means the process is subscribed to Redis."""
    ports = [free_port() for _ in range(count)]
    env = {**os.environ, "WEEK12_REDIS_URL": redis_url}
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", APP, "--port", str(port),
             "--log-level", "warning"],
            env=env,
            start_new_session=True,
        )
        for port in ports
    ]  # fmt: skip
    try:
        for port in ports:
            wait_until(lambda port=port: port_open(port), 30, f"uvicorn on port {port}")  # type: ignore[misc]
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(10)


async def test_a_message_posted_to_one_process_reaches_a_client_of_the_other(
    redis_url: str, ws_connect: Connect
) -> None:
    with uvicorn_processes(redis_url) as (a, b):
        async with (
            ws_connect(a, "/ws/rooms/ops") as on_a,
            ws_connect(b, "/ws/rooms/ops") as on_b,
            ws_connect(b, "/ws/rooms/elsewhere") as other_room,
            httpx.AsyncClient() as http,
        ):
            welcomes = [json.loads(await asyncio.wait_for(ws.recv(), 5)) for ws in (on_a, on_b)]
            pid_a, pid_b = (welcome["pid"] for welcome in welcomes)
            assert pid_a != pid_b  # really two processes
            await asyncio.wait_for(other_room.recv(), 5)  # joined before anything is posted

            response = await http.post(f"{a}/rooms/ops/messages", json={"text": "deploy done"})
            assert response.status_code == 202
            assert response.json() == {"processes": 2}  # both processes are subscribed

            expected = {"type": "message", "text": "deploy done", "via": pid_a}
            assert json.loads(await asyncio.wait_for(on_b.recv(), 5)) == expected
            assert json.loads(await asyncio.wait_for(on_a.recv(), 5)) == expected

            # The other room heard nothing: its next message is the one posted to it.
            await http.post(f"{b}/rooms/elsewhere/messages", json={"text": "only here"})
            assert json.loads(await asyncio.wait_for(other_room.recv(), 5))["text"] == "only here"

            invalid = await http.post(f"{b}/rooms/ops/messages", json={"text": ""})
            assert invalid.status_code == 422
