"""``make run`` (``testkit serve``): Ctrl-C stops the services it started, and only those."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from testkit.services.process import free_port

APP = """\
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def create_app():
    return app
"""


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 - loopback only
            return bool(response.status == 200)
    except OSError:
        return False


def serve_until_ctrl_c(env: dict[str, str], port: int) -> str:
    """Run `testkit serve`, wait until it answers, press Ctrl-C (SIGINT to its group); its output."""
    process = subprocess.Popen(
        [sys.executable, "-m", "testkit.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # a terminal's foreground group: Ctrl-C reaches every process in it
    )  # fmt: skip
    deadline = time.monotonic() + 90
    while not answers(f"http://127.0.0.1:{port}/") and process.poll() is None:
        assert time.monotonic() < deadline, "the app never answered"
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    return output


def services(env: dict[str, str], action: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "testkit.cli", "services", action],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def test_ctrl_c_stops_what_it_started_and_keeps_what_was_running(tmp_path: Path) -> None:
    (tmp_path / "uv.lock").write_text("")
    (tmp_path / "shared").mkdir()
    package = tmp_path / "week99" / "src" / "week99"
    (package / "solution").mkdir(parents=True)
    (tmp_path / "week99" / "pyproject.toml").write_text("")
    (package / "__init__.py").write_text("")
    (package / "solution" / "__init__.py").write_text("")
    (package / "solution" / "main.py").write_text(APP)
    port = free_port()
    env = os.environ | {
        "COURSE_ROOT": str(tmp_path),
        "PYTHONPATH": str(tmp_path / "week99" / "src"),
        "DEV_PG_PORT": str(free_port()),
        "DEV_REDIS_PORT": str(free_port()),
    }
    try:
        output = serve_until_ctrl_c(env, port)
        assert "Serving week99.solution.main at http://127.0.0.1:" in output
        # Its own database: migrating the students' "course" to the newest head would strand an
        # earlier week's Alembic on revisions it does not have.
        assert f"DATABASE_URL=postgresql://postgres@127.0.0.1:{env['DEV_PG_PORT']}/demo" in output
        assert "Stopped PostgreSQL and Redis (started by make run)." in output
        assert services(env, "status") == "postgres: stopped\nredis: stopped\n"

        services(env, "up")
        output = serve_until_ctrl_c(env, port)
        assert "Left running: PostgreSQL and Redis (running before make run;" in output
        assert "Stopped" not in output
        assert services(env, "status") == "postgres: running\nredis: running\n"
    finally:
        services(env, "down")
