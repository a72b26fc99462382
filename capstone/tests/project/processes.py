"""The app in processes of its own, as production runs it: uvicorn serving its JSON logs
(``test_observability.py``) and a second app process for the real-time tests (``test_realtime.py``).

Such a process spends a second or two importing the app before it serves: conftest.py starts
them early (``Early``), in a thread, while the tests before theirs run.
"""

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from testkit import impl_module
from testkit.services.process import free_port, port_open, wait_until


class Server:
    """``uvicorn capstone.<impl>.main:create_app --factory``, as the Dockerfile runs it, with its
    stdout read line by line in a thread."""

    def __init__(self, database_url: str, files: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        module = impl_module("capstone", "main").__name__
        env = {**os.environ, "DATABASE_URL": database_url, "FILES_DIR": str(files)}
        env |= {"PYTHONUNBUFFERED": "1", "APP_ENV": "development"}
        command = [sys.executable, "-m", "uvicorn", "--factory", f"{module}:create_app"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # anything on stderr would be a line that is not JSON
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def records(self) -> list[dict[str, Any]]:
        """Every line so far, parsed: a line that is not one JSON object fails the test."""
        parsed = []
        for line in list(self.lines):
            try:
                parsed.append(json.loads(line))
            except json.JSONDecodeError:
                pytest.fail(f"a log line that is not JSON: {line!r}")
        return parsed

    def started(self) -> "Server":
        wait_until(lambda: port_open(self.port) or self.process.poll() is not None, 30, "uvicorn")
        output = "\n".join(self.lines)
        assert self.process.poll() is None, f"uvicorn did not start (task 0 first?):\n{output}"
        return self

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


SERVE = """
import sys

import uvicorn

from {main} import create_app
from {realtime} import Timeouts

app = create_app(realtime=Timeouts(auth=10, idle=30))  # patient: a loaded machine is slow
uvicorn.run(app, port=int(sys.argv[1]), log_level="warning")
"""


@contextmanager
def app_process(env: dict[str, str]) -> Iterator[tuple[str, Any]]:
    """A uvicorn process of the app under test; its URL, and a function that waits until it
    serves. uvicorn opens its port after the lifespan ran: then the process has tried to
    subscribe."""
    port = free_port()
    script = SERVE.format(
        main=impl_module("capstone", "main").__name__,
        realtime=impl_module("capstone", "realtime").__name__,
    )
    server = subprocess.Popen(
        [sys.executable, "-c", script, str(port)],
        env={**os.environ, **env},
        start_new_session=True,
        stdout=subprocess.DEVNULL,  # JSON access lines; errors still reach stderr
    )

    def serving() -> None:
        wait_until(lambda: port_open(port) or server.poll() is not None, 60, "the app process")
        assert server.poll() is None, "the app's process ended (its stderr says why)"

    try:
        yield f"http://127.0.0.1:{port}", serving
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
