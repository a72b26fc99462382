"""Lecture fixtures: one real Celery worker (prefork, one process: time limits need the pool) for
the whole session, on the session's Redis, and the lectures' app pointed at the same Redis; and
lecture 3's worker for the crash and shutdown demos, started with it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from celery import Celery
from week11.lectures.celery_app import app as lecture_app
from week11.lectures.celery_app import configure

from testkit.celery_worker import CeleryWorker

from ..workers import start_together

SHUTDOWN_QUEUE = "shutdown-demo"  # lecture 3's crash and shutdown demos (``shutdown_worker``)


@pytest.fixture(scope="session")
def workers(redis_url: str) -> Iterator[tuple[CeleryWorker, CeleryWorker]]:
    """The session's worker and lecture 3's, started side by side."""
    env = {"WEEK11_BROKER_URL": redis_url}
    worker = CeleryWorker("week11.lectures.celery_app", redis_url, env=env, pool="prefork")
    # A message taken but never acknowledged goes back to the queue after 1 s (hours in
    # production: it must be longer than the longest task, or a running task is re-delivered).
    shutdown = CeleryWorker("week11.lectures.celery_app", redis_url,
                            env={**env, "WEEK11_VISIBILITY": "1"}, queues=[SHUTDOWN_QUEUE])  # fmt: skip
    try:
        start_together(worker, shutdown)
        yield worker, shutdown
    finally:
        shutdown.close()
        worker.close()


@pytest.fixture(scope="session")
def worker(workers: tuple[CeleryWorker, CeleryWorker]) -> CeleryWorker:
    return workers[0]


@pytest.fixture(scope="session")
def shutdown_worker(workers: tuple[CeleryWorker, CeleryWorker]) -> CeleryWorker:
    """Lecture 3's worker, on a queue of its own (the session's worker must not take its tasks):
    the shutdown demos kill and stop it."""
    return workers[1]


@pytest.fixture(scope="session")
def app(redis_url: str, worker: CeleryWorker) -> Celery:
    configure(lecture_app, redis_url)
    lecture_app.set_default()  # shared tasks (``add.delay``) send through the current app
    lecture_app.set_current()
    return lecture_app


@pytest.fixture
def r(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    yield client
    client.close()
