"""Lecture 3 against a real worker: time limits, dead letters and replay, alerts, health."""

from __future__ import annotations

import json
import uuid

import pytest
import redis
from celery import Celery
from celery.exceptions import SoftTimeLimitExceeded
from week11.lectures.l3_limits import overrun
from week11.lectures.l3_monitoring import ALERTS, DEAD_LETTERS, poison, replay, workers_alive

from testkit.celery_worker import CeleryWorker

from .polling import wait_until


def test_an_overrunning_task_is_stopped_and_reported(app: Celery, r: redis.Redis) -> None:
    key = uuid.uuid4().hex
    result = overrun.delay(key, 10)
    with pytest.raises(SoftTimeLimitExceeded):
        result.get(timeout=20)
    assert r.get(f"stopped:{key}") == "soft time limit"  # the task saw the warning and cleaned up


def test_a_poison_message_is_parked_with_its_error_alerted_and_replayable(
    app: Celery, r: redis.Redis
) -> None:
    r.delete(DEAD_LETTERS)
    payload = f"not json {uuid.uuid4().hex}"
    result = poison.delay(payload)
    with pytest.raises(ValueError, match="payload is not JSON"):
        result.get(timeout=20)

    # on_failure and the task_failure signal run just after the result is stored: poll for them
    def alerted() -> bool:
        return any(result.id in alert for alert in r.lrange(ALERTS, 0, -1))

    wait_until(lambda: r.llen(DEAD_LETTERS) == 1 and alerted())
    [record] = [json.loads(raw) for raw in r.lrange(DEAD_LETTERS, 0, -1)]
    assert record["args"] == [payload]
    assert "payload is not JSON" in record["error"]  # and task_failure raised the alert

    [new_id] = replay(app)  # after a fix it would succeed; here it fails and is parked again
    with pytest.raises(ValueError, match="payload is not JSON"):
        app.AsyncResult(new_id).get(timeout=20)
    wait_until(lambda: r.llen(DEAD_LETTERS) == 1)


def test_the_health_check_sees_the_worker(app: Celery, worker: CeleryWorker) -> None:
    assert worker.name in workers_alive(app)
