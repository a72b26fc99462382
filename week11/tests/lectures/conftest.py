"""Lecture fixtures: one real Celery worker (prefork, one process: time limits need the pool) for
the whole session, on the session's Redis, and the lectures' app pointed at the same Redis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from celery import Celery
from week11.lectures.celery_app import app as lecture_app
from week11.lectures.celery_app import configure

from testkit.celery_worker import CeleryWorker


@pytest.fixture(scope="session")
def worker(redis_url: str) -> Iterator[CeleryWorker]:
    with CeleryWorker(
        "week11.lectures.celery_app",
        redis_url,
        env={"WEEK11_BROKER_URL": redis_url},
        pool="prefork",
    ) as worker:
        yield worker


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
