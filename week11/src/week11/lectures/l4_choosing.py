"""Choosing a task queue (lecture 4): the same job for BackgroundTasks, Celery, Taskiq and ARQ.

The Celery version runs in the tests (``week11.lectures.l2_tasks.send_welcome``); the Taskiq and
ARQ versions are shown in the README only (the course does not install them). The table is data so
the README and the test agree.

Redis (a list as a queue, pub/sub for broadcasts) covers a Task Manager's few thousand jobs an
hour. Reach for Kafka when events must be kept and replayed (a durable log, retention, consumers at
their own pace, very high throughput), for RabbitMQ when routing and delivery semantics matter
(exchanges, per-queue dead-lettering, priorities, acknowledgements without a visibility timeout).
"""

from __future__ import annotations

DECISION_TABLE: list[tuple[str, str, str, str, str]] = [
    # tool, complexity, async-native, delivery, ecosystem
    (
        "FastAPI BackgroundTasks",
        "none: in the web process",
        "yes",
        "at most once (lost on crash)",
        "part of FastAPI",
    ),
    (
        "Celery",
        "high: broker, workers, Beat, many options",
        "no (sync workers; call async code via a loop)",
        "at least once with acks_late",
        "largest: Flower, Beat, canvas, many brokers",
    ),
    (
        "Taskiq",
        "medium",
        "yes (async tasks, FastAPI dependencies)",
        "at least once (broker dependent)",
        "young, growing",
    ),
    (
        "ARQ",
        "low: Redis only",
        "yes (asyncio)",
        "at least once (pessimistic execution)",
        "small, in maintenance mode",
    ),
]


def choose(needs_persistence: bool, async_codebase: bool, needs_ecosystem: bool) -> str:
    """A rule of thumb, not a law: the simplest tool that meets the needs."""
    if not needs_persistence:
        return "FastAPI BackgroundTasks"
    if needs_ecosystem or not async_codebase:
        return "Celery"
    return "Taskiq"
