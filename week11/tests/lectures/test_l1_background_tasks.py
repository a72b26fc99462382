"""Lecture 1: BackgroundTasks run after the response, in the same process, and die with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from week11.lectures.l1_background_tasks import create_app

from testkit.http import ClientFactory
from testkit.services.process import free_port, port_open, wait_until


@pytest.mark.asyncio(loop_scope="session")
async def test_the_task_runs_after_the_response(asgi_client: ClientFactory) -> None:
    journal: list[str] = []
    client = await asgi_client(create_app(journal.append))
    response = await client.post("/signup", params={"email": "ada@example.test"})
    assert response.status_code == 202
    assert journal == [
        "response ready",
        "task started for ada@example.test",
        "task finished for ada@example.test",
    ]


def test_killing_the_server_mid_task_loses_the_task(tmp_path: Path) -> None:
    journal = tmp_path / "journal.txt"
    port = free_port()
    env = {**os.environ, "WEEK11_JOURNAL": str(journal), "WEEK11_WORK_SECONDS": "30"}
    app = "week11.lectures.l1_background_tasks:crash_demo_app"
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        app,
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        wait_until(lambda: port_open(port), 30, "the demo server")
        response = httpx.post(f"http://127.0.0.1:{port}/signup", params={"email": "ada@x.test"})
        assert response.status_code == 202  # the client was told "accepted"...
        deadline = time.monotonic() + 10
        while "task started" not in (journal.read_text() if journal.exists() else ""):
            assert time.monotonic() < deadline, "the background task never started"
            time.sleep(0.02)
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # a crash, an OOM kill, a deploy without drain
        server.wait()
    # ...and the task is gone: it never finished, and nothing is left anywhere to run it again.
    assert journal.read_text().splitlines() == ["response ready", "task started for ada@x.test"]
