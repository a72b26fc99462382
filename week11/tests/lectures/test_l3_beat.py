"""Lecture 3: Beat's schedule logic without waiting, then a short real Beat run."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from celery import Celery
from week11.lectures.l3_beat import DUE_SOON_SCAN, NIGHTLY_REPORT, WEEKLY_DIGEST, next_run

from testkit.celery_worker import CeleryWorker

WEDNESDAY = datetime(2026, 12, 2, 2, 31, tzinfo=UTC)


def test_crontab_entries_are_due_when_expected() -> None:
    assert next_run(NIGHTLY_REPORT, WEDNESDAY) == datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    assert next_run(NIGHTLY_REPORT, datetime(2026, 12, 2, 3, 0, tzinfo=UTC)).day == 3
    assert next_run(DUE_SOON_SCAN, WEDNESDAY) == datetime(2026, 12, 2, 2, 45, tzinfo=UTC)
    assert next_run(WEEKLY_DIGEST, WEDNESDAY) == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def test_beat_sends_the_scheduled_task_and_the_worker_runs_it(
    app: Celery, worker: CeleryWorker, redis_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "beat.log"
    env = {**os.environ, "WEEK11_BROKER_URL": redis_url, "WEEK11_TICK": "0.5"}
    cmd = [sys.executable, "-m", "celery", "-A", "week11.lectures.l3_beat", "beat",
           f"--schedule={tmp_path / 'beat-schedule'}", "--loglevel=INFO", "--max-interval=1"]  # fmt: skip
    with log.open("wb") as out:
        beat = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 30
        while log.read_text().count("Sending due task tick") < 2:
            assert beat.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        worker.wait_for_log("week11.lectures.l2_tasks.add")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(beat.pid, signal.SIGKILL)
        beat.wait()
    assert "nightly-report" not in log.read_text()  # 03:00 is not now (unless you run this at 3 am)
