"""Lecture 3: a worker killed mid-task (SIGKILL) loses nothing and mails once after a restart; a
worker asked to stop (SIGTERM) finishes the running task first. The tests share lecture 3's
worker (``shutdown_worker``, on a queue of its own: the session's worker must not take these
tasks); each starts it if the test before stopped it."""

from __future__ import annotations

import uuid

import pytest
import redis
from celery import Celery
from week11.lectures.l2_email import deliver_once

from testkit.celery_worker import CeleryWorker
from testkit.smtp import SmtpServer

from .conftest import SHUTDOWN_QUEUE
from .polling import wait_for_key


@pytest.fixture
def stoppable(shutdown_worker: CeleryWorker) -> CeleryWorker:
    """Lecture 3's worker, running (a test may kill or stop it)."""
    return shutdown_worker.start()


def test_a_killed_worker_loses_nothing_and_the_email_arrives_once(
    app: Celery, stoppable: CeleryWorker, smtp_server: SmtpServer, r: redis.Redis
) -> None:
    key = uuid.uuid4().hex[:8]
    result = deliver_once.apply_async(
        (smtp_server.host, smtp_server.port, key, 60), queue=SHUTDOWN_QUEUE
    )
    wait_for_key(r, f"pid:{key}")
    stoppable.kill()  # SIGKILL mid-task: no clean-up, the message is still unacknowledged
    assert smtp_server.received == []
    stoppable.restart()  # the new worker restores the unacknowledged message and runs it again
    assert result.get(timeout=30) == "sent"
    assert r.get(f"attempts:{key}") == "2"
    [mail] = smtp_server.wait_for(1)
    assert mail["Subject"] == f"Report {key}"


def test_sigterm_lets_the_running_task_finish(
    app: Celery, stoppable: CeleryWorker, smtp_server: SmtpServer, r: redis.Redis
) -> None:
    key = uuid.uuid4().hex[:8]
    result = deliver_once.apply_async(
        (smtp_server.host, smtp_server.port, key, 1), queue=SHUTDOWN_QUEUE
    )
    wait_for_key(r, f"pid:{key}")
    assert stoppable.terminate() == 0  # warm shutdown: waits for the task, takes no new one
    assert result.get(timeout=5) == "sent"
    assert r.get(f"attempts:{key}") == "1"  # not cut short, not re-delivered
    assert len(smtp_server.wait_for(1)) == 1
