"""Tasks, retries with backoff, and idempotency (lecture 2).

- ``add``: the smallest task; ``add.delay(2, 3)`` or ``add.apply_async((2, 3), countdown=1)``.
- ``flaky``: fails ``failures`` times with a transient error, retried by ``autoretry_for`` with an
  exponential, jittered backoff, up to ``max_retries``.
- ``send_welcome``: at-least-once delivery means a task may run twice; an idempotency key claimed
  with ``SET NX`` makes the second run a no-op, so the side effect happens once.
"""

from __future__ import annotations

from typing import Any

from celery import Task, shared_task

from week11.lectures.store import redis_client


class TransientError(Exception):
    """A failure worth retrying: a timeout, a refused connection, a 503."""


@shared_task
def add(x: int, y: int) -> int:
    return x + y


@shared_task(
    bind=True,
    autoretry_for=(TransientError,),
    retry_backoff=1,  # wait up to 1 s, 2 s, 4 s, ... before retry 1, 2, 3, ...
    retry_backoff_max=1,  # never wait longer than this (seconds)
    retry_jitter=True,  # a random delay up to the backoff, so retries of many tasks spread out
    max_retries=3,
)
def flaky(self: Task[Any, Any], key: str, failures: int) -> int:
    """Fail the first ``failures`` attempts; return the attempt number that succeeded."""
    attempt = redis_client().incr(f"attempts:{key}")
    if attempt <= failures:
        raise TransientError(f"attempt {attempt} failed")
    return int(attempt)


def claim(key: str, ttl_seconds: int = 86_400) -> bool:
    """True for the first caller with ``key``: ``SET key 1 NX EX ttl`` is atomic in Redis."""
    return bool(redis_client().set(f"done:{key}", 1, nx=True, ex=ttl_seconds))


@shared_task
def send_welcome(user_id: int) -> str:
    """Send one welcome message per user, however often the task is delivered."""
    if not claim(f"welcome:{user_id}"):
        return "skipped"
    redis_client().rpush("outbox:sent", f"welcome:{user_id}")
    return "sent"
