"""Lecture 2 against a real worker: calling tasks, result states, retries, idempotency, JSON only."""

from __future__ import annotations

import uuid

import pytest
import redis
from celery import Celery
from celery.result import AsyncResult
from kombu.exceptions import EncodeError
from week11.lectures.l2_tasks import add, flaky, send_welcome


def test_delay_sends_and_the_result_comes_back(app: Celery) -> None:
    result = add.delay(2, 3)
    assert result.get(timeout=20) == 5
    assert result.state == "SUCCESS"


def test_an_unknown_id_is_pending_and_a_countdown_waits(app: Celery) -> None:
    assert AsyncResult(str(uuid.uuid4()), app=app).state == "PENDING"  # "unknown" looks the same
    result = add.apply_async((1, 2), countdown=1, priority=5)
    assert result.state == "PENDING"  # held by the worker until its time comes
    assert result.get(timeout=20) == 3


def test_a_transient_failure_is_retried_with_backoff_until_it_succeeds(
    app: Celery, r: redis.Redis
) -> None:
    key = uuid.uuid4().hex
    assert flaky.delay(key, 2).get(timeout=30) == 3  # two failures, success on attempt 3
    assert r.get(f"attempts:{key}") == "3"


def test_too_many_failures_end_in_failure(app: Celery) -> None:
    result = flaky.delay(uuid.uuid4().hex, 99)
    with pytest.raises(Exception, match="attempt 4 failed"):  # 1 try + max_retries=3
        result.get(timeout=40)
    assert result.state == "FAILURE"


def test_a_task_delivered_twice_sends_once(app: Celery, r: redis.Redis) -> None:
    user_id = uuid.uuid4().int % 10**9
    assert send_welcome.delay(user_id).get(timeout=20) == "sent"
    assert send_welcome.delay(user_id).get(timeout=20) == "skipped"
    assert r.lrange("outbox:sent", 0, -1).count(f"welcome:{user_id}") == 1


def test_arguments_must_be_json(app: Celery) -> None:
    with pytest.raises(EncodeError):
        add.apply_async(
            (object(), 1)
        )  # JSON cannot carry an object; pickle could, and would run code
    assert app.conf.accept_content == ["json"]
