"""A real Celery worker for tests: ``celery -A <app> worker`` in a process group of its own.

The worker is a separate process, as in production, so a test can kill it mid-task (``kill()``,
SIGKILL: no clean-up, the message stays unacknowledged) or ask it to stop (``terminate()``, SIGTERM:
warm shutdown, the running task finishes). It is ready when it answers a broker ``ping`` addressed
to its own name; ``close()`` kills the whole process group, so nothing outlives the test.

    with CeleryWorker("week11.lectures.l2_app:app", broker_url) as worker:
        ...  # worker.name, worker.log(), worker.kill(), worker.terminate(), worker.restart()
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from testkit.services.errors import ServiceUnavailable
from testkit.services.process import StartedInWith

READY_TIMEOUT = 30.0  # a loaded 2-core machine imports Celery and the app in a few seconds


class CeleryWorker(StartedInWith):
    """One worker process (``--pool=solo`` by default: the task runs in the worker's own process,
    so SIGKILL to it is a crash in the middle of the task).

    ``app`` is the ``-A`` argument (``package.module:app``); ``env`` is added to the worker's
    environment (the app reads its broker URL from there); ``pythonpath`` folders are put first on
    its ``PYTHONPATH``; ``queues`` restricts what it consumes; ``extra`` are more worker options.
    """

    def __init__(
        self,
        app: str,
        broker_url: str,
        *,
        env: Mapping[str, str] | None = None,
        pythonpath: Sequence[Path] = (),
        queues: Sequence[str] = (),
        pool: str = "solo",
        extra: Sequence[str] = (),
        ready_timeout: float = READY_TIMEOUT,
    ) -> None:
        self.app = app
        self.broker_url = broker_url
        self.env = dict(env or {})
        self.pythonpath = list(pythonpath)
        self.queues = list(queues)
        self.pool = pool
        self.extra = list(extra)
        self.ready_timeout = ready_timeout
        self.name = f"testkit-{uuid.uuid4().hex[:8]}@localhost"
        self.process: subprocess.Popen[bytes] | None = None
        self._logdir = Path(tempfile.mkdtemp(prefix="testkit-celery-"))
        self._logfile = self._logdir / "worker.log"

    # -- lifecycle -------------------------------------------------------------------------------

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "celery", "-A", self.app, "worker",
               f"--pool={self.pool}", "--concurrency=1", "--loglevel=INFO",
               f"--hostname={self.name}", "--without-gossip", "--without-mingle"]  # fmt: skip
        if self.queues:
            cmd.append(f"--queues={','.join(self.queues)}")
        return [*cmd, *self.extra]

    def start(self) -> CeleryWorker:
        """Start the worker and wait until it answers a ping (raise with its log if it cannot)."""
        if self.running():
            return self
        env = {**os.environ, **self.env}
        if self.pythonpath:
            paths = [str(p) for p in self.pythonpath]
            env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            )
        with self._logfile.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
                self.command(),
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # a process group of its own: close() reaches the children
            )
        try:
            self.wait_ready()
        except BaseException:
            self.close()
            raise
        return self

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ping(self, timeout: float = 0.5) -> bool:
        """True when this worker answers a broker ping (``app.control.inspect().ping()``)."""
        from celery import Celery

        # set_as_current=False: the test's own app stays the one shared tasks send through
        probe = Celery(broker=self.broker_url, set_as_current=False)
        try:
            replies = probe.control.inspect(destination=[self.name], timeout=timeout).ping()
        except OSError:  # the broker is down: the worker cannot be reached either
            return False
        finally:
            probe.close()
        return bool(replies and self.name in replies)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + self.ready_timeout
        while not self.ping():
            if not self.running():
                raise ServiceUnavailable(
                    f"celery worker {self.app} exited at start:\n{self.log()[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise ServiceUnavailable(
                    f"celery worker {self.app} not ready after {self.ready_timeout:.0f} s:\n"
                    f"{self.log()[-2000:]}"
                )

    def log(self) -> str:
        """Everything the worker printed so far (its INFO log: received, succeeded, retries)."""
        try:
            return self._logfile.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def wait_for_log(self, text: str, timeout: float = 20.0) -> None:
        """Poll the log until ``text`` appears (e.g. a task's own "started" line)."""
        deadline = time.monotonic() + timeout
        while text not in self.log():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{text!r} not in the worker's log after {timeout:.0f} s:\n{self.log()[-2000:]}"
                )
            time.sleep(0.02)

    # -- failures a test provokes ----------------------------------------------------------------

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, mid-task if one runs. Returns once it is gone."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process = None

    def terminate(self, timeout: float = 30.0) -> int:
        """SIGTERM: Celery's warm shutdown (finish the running task, take no new one). Returns the
        exit code; raises AssertionError if the worker did not stop within ``timeout``."""
        if self.process is None:
            raise AssertionError("the worker is not running")
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.kill()
            raise AssertionError(f"the worker ignored SIGTERM for {timeout:.0f} s") from exc
        self.process = None
        return code

    def restart(self) -> CeleryWorker:
        """Start again after ``kill()``/``terminate()`` (same name, same log)."""
        return self.start()

    def close(self) -> None:
        """Kill the process group (if still there) and remove the log folder."""
        self.kill()
        with contextlib.suppress(OSError):
            for item in self._logdir.iterdir():
                item.unlink()
            self._logdir.rmdir()
