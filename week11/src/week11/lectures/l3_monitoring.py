"""Dead letters, alerts and health (lecture 3).

- ``poison``: a message that can never succeed. After ``max_retries`` the task's ``on_failure``
  parks it in a dead-letter list with its arguments and error, where it can be read and replayed.
- ``task_failure``: a signal every failed task sends, in the worker; the handler records an alert
  (production sends it to logs, Sentry or a pager).
- ``workers_alive``: a health check asks every worker for a ``pong`` (``inspect().ping()``).
"""

from __future__ import annotations

import json
from typing import Any

from billiard.einfo import ExceptionInfo
from celery import Celery, Task, shared_task
from celery.signals import task_failure

from week11.lectures.store import redis_client

DEAD_LETTERS = "dead_letters"
ALERTS = "alerts"


class DeadLetterTask(Task[Any, Any]):
    """A task that parks its message in ``dead_letters`` when it fails for good."""

    def on_failure(
        self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: ExceptionInfo
    ) -> None:
        record = {
            "task": self.name,
            "id": task_id,
            "args": args,
            "kwargs": kwargs,
            "error": repr(exc),
        }
        redis_client().rpush(DEAD_LETTERS, json.dumps(record))


@shared_task(bind=True, base=DeadLetterTask, max_retries=2, default_retry_delay=0)
def poison(self: DeadLetterTask, payload: str) -> None:
    try:
        json.loads(payload)
    except ValueError as exc:  # a plain ValueError: its one-argument form travels as JSON
        raise self.retry(
            exc=ValueError(f"payload is not JSON: {exc}")
        ) from exc  # after max_retries Celery re-raises exc: on_failure


def replay(app: Celery) -> list[str]:
    """Send every dead letter again (after a fix); returns the new task ids."""
    client = redis_client()
    ids = []
    while raw := client.lpop(DEAD_LETTERS):
        record = json.loads(str(raw))
        ids.append(app.send_task(record["task"], record["args"], record["kwargs"]).id)
    return ids


@task_failure.connect
def record_alert(
    sender: Task[Any, Any] | None = None,
    task_id: str | None = None,
    exception: BaseException | None = None,
    **_: Any,
) -> None:
    name = sender.name if sender is not None else "?"
    redis_client().rpush(ALERTS, f"{name} {task_id} failed: {exception!r}")


def workers_alive(app: Celery, timeout: float = 1.0) -> list[str]:
    """The names of the workers that answered a ping within ``timeout`` (empty: page someone)."""
    replies = app.control.inspect(timeout=timeout).ping() or {}
    return sorted(name for name, reply in replies.items() if reply.get("ok") == "pong")
