"""No server process or temp folder survives a session: after passing, failing or SIGINT."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from testkit.services.process import port_open

INNER = """
import os, time
from pathlib import Path

def test_uses_services(postgres_url, redis_url):
    ports = [postgres_url.split(":")[2].split("/")[0], redis_url.split(":")[2].split("/")[0]]
    Path(os.environ["PORTS_FILE"]).write_text(" ".join(ports))
    if os.environ["MODE"] == "fail":
        raise AssertionError("planted failure")
    if os.environ["MODE"] == "wait":
        time.sleep(60)  # interrupted by SIGINT from the outer test
"""


def _run_inner(tmp_path: Path, mode: str) -> tuple[int, list[int], Path]:
    (tmp_path / "test_inner.py").write_text(INNER)
    ports_file = tmp_path / "ports"
    workdir = Path(tempfile.mkdtemp(prefix="lifecycle-", dir="/tmp"))
    workdir.chmod(0o755)
    env = os.environ | {"MODE": mode, "PORTS_FILE": str(ports_file), "TMPDIR": str(workdir)}
    env.pop("TEST_DATABASE_URL", None), env.pop("DATABASE_URL", None), env.pop("REDIS_URL", None)
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "--no-report",
        "-q",
        str(tmp_path),
    ]
    # A shell that runs CI in the background ignores SIGINT, and a child inherits an ignored
    # signal: the inner session must get Ctrl-C as it would in a terminal.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    if mode == "wait":
        deadline = time.monotonic() + 120  # generous: a loaded 2-core machine starts slowly
        while not ports_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
    process.communicate(timeout=120)
    return process.returncode, [int(p) for p in ports_file.read_text().split()], workdir


@pytest.mark.parametrize(("mode", "exit_code"), [("pass", 0), ("fail", 1), ("wait", 2)])
def test_nothing_is_left_behind(tmp_path: Path, mode: str, exit_code: int) -> None:
    code, ports, workdir = _run_inner(tmp_path, mode)
    try:
        assert code == exit_code
        assert ports, "the inner test did not run"
        assert not any(port_open(port) for port in ports)
        # Only the caches may stay (the initialised template cluster), never a server's folder.
        assert [p.name for p in workdir.iterdir() if not p.name.startswith("course-testkit-")] == []
    finally:
        shutil.rmtree(workdir)
