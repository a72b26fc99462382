"""Lecture 3: a worker killed mid-task (SIGKILL) loses nothing and mails once after a restart; a
worker asked to stop (SIGTERM) finishes the running task first. Each test has a worker of its own
on a queue of its own (the session's worker must not take these tasks)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import redis
from celery import Celery
from week11.lectures.l2_email import deliver_once

from testkit.celery_worker import CeleryWorker
from testkit.smtp import SmtpServer

from .polling import wait_for_key

QUEUE = "shutdown-demo"


def own_worker(celery_worker: Callable[..., CeleryWorker], redis_url: str) -> CeleryWorker:
    return celery_worker(
        "week11.lectures.celery_app",
        redis_url,
        # A message taken but never acknowledged goes back to the queue after 1 s (hours in
        # production: it must be longer than the longest task, or a running task is re-delivered).
        env={"WEEK11_BROKER_URL": redis_url, "WEEK11_VISIBILITY": "1"},
        queues=[QUEUE],
    )


def test_a_killed_worker_loses_nothing_and_the_email_arrives_once(
    app: Celery,
    celery_worker: Callable[..., CeleryWorker],
    redis_url: str,
    smtp_server: SmtpServer,
    r: redis.Redis,
) -> None:
    worker = own_worker(celery_worker, redis_url)
    key = uuid.uuid4().hex[:8]
    result = deliver_once.apply_async((smtp_server.host, smtp_server.port, key, 60), queue=QUEUE)
    wait_for_key(r, f"pid:{key}")
    worker.kill()  # SIGKILL mid-task: no clean-up, the message is still unacknowledged
    assert smtp_server.received == []
    worker.restart()  # the new worker restores the unacknowledged message and runs it again
    assert result.get(timeout=30) == "sent"
    assert r.get(f"attempts:{key}") == "2"
    [mail] = smtp_server.wait_for(1)
    assert mail["Subject"] == f"Report {key}"


def test_sigterm_lets_the_running_task_finish(
    app: Celery,
    celery_worker: Callable[..., CeleryWorker],
    redis_url: str,
    smtp_server: SmtpServer,
    r: redis.Redis,
) -> None:
    worker = own_worker(celery_worker, redis_url)
    key = uuid.uuid4().hex[:8]
    result = deliver_once.apply_async((smtp_server.host, smtp_server.port, key, 1), queue=QUEUE)
    wait_for_key(r, f"pid:{key}")
    assert worker.terminate() == 0  # warm shutdown: waits for the task, takes no new one
    assert result.get(timeout=5) == "sent"
    assert r.get(f"attempts:{key}") == "1"  # not cut short, not re-delivered
    assert len(smtp_server.wait_for(1)) == 1
