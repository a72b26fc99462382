"""The Celery app of the pipeline, its tasks and the Beat schedule.

A worker runs ``celery -A week12.solution.pipeline.worker worker``; Beat runs ``... beat``. Both
read ``WEEK12_BROKER_URL`` (Redis), ``DATABASE_URL`` and ``SMTP_HOST``/``SMTP_PORT``; week 12's
events go to ``REDIS_URL`` (the app's Redis, where every app process listens). Tasks get
ids and plain values (JSON), load fresh rows themselves, and are idempotent: late acknowledgement
re-delivers a task whose worker died, so a task may run twice and must have its effect once.
"""

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from celery import Celery, Task
from celery.schedules import crontab
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from .. import models  # noqa: F401, RUF100 - every model mapped: relationships name each other
from ..caching.redis_client import DEV_REDIS_URL
from ..db import async_database_url, database_url
from ..realtime.events import Event
from ..realtime.publisher import publish_on
from . import jobs
from .mail import SmtpSettings

T = TypeVar("T")
TRANSIENT = (OSError, jobs.SmtpError)  # a refused connection, a 4xx answer: worth a retry

VISIBILITY = float(os.environ.get("WEEK12_VISIBILITY", "3600"))  # seconds; hours in production

app = Celery("week12_pipeline")
app.conf.update(
    broker_url=os.environ.get("WEEK12_BROKER_URL", "redis://127.0.0.1:63799/1"),
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,  # the database holds the outcomes (sent_emails, report_exports)
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_transport_options={
        "visibility_timeout": VISIBILITY,
        # How often a worker looks for unacknowledged messages to restore: kombu's default sweep
        # (every 10 s, scanning every 10th time) could leave a crashed task waiting 100 s.
        "unacked_restore_interval": min(VISIBILITY, 10),
        "unacked_restore_throttle": 1,
    },
    broker_connection_retry_on_startup=True,
    beat_schedule={
        # The relay: the outbox's rows reach the broker within seconds of their commit.
        "relay-outbox": {"task": "pipeline.relay", "schedule": 5.0},
        # Every morning at 07:00 UTC: a reminder for each open task due tomorrow.
        "due-reminders": {"task": "pipeline.due_reminders", "schedule": crontab(hour=7, minute=0)},
    },
)


def smtp_settings() -> SmtpSettings:
    return SmtpSettings(
        host=os.environ.get("SMTP_HOST", "127.0.0.1"), port=int(os.environ.get("SMTP_PORT", "1025"))
    )


def run(job: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    """Run an async job on a fresh engine: a task runs in a pool process of its own, so there is
    no event loop or connection pool to share (NullPool: no connection outlives the task)."""

    async def main() -> T:
        engine = create_async_engine(async_database_url(database_url()), poolclass=NullPool)
        try:
            return await job(async_sessionmaker(engine, expire_on_commit=False))
        finally:
            await engine.dispose()

    return asyncio.run(main())


async def announce(event: Event) -> None:
    """Week 12: publish ``event`` where the app processes listen (their Redis, not the broker)."""
    # BEGIN SOLUTION a Redis client of REDIS_URL (else DEV_REDIS_URL), publish_on
    async with Redis.from_url(os.environ.get("REDIS_URL") or DEV_REDIS_URL) as redis:
        await publish_on(redis, event)
    # END SOLUTION


def publish(task_name: str, payload: dict[str, Any]) -> None:
    app.send_task(task_name, kwargs=payload)


class DeadLettering(Task[Any, Any]):
    """A task whose last failure is parked in the ``dead_letters`` table (lecture 3)."""

    def on_failure(
        self,
        exc: Exception,
        task_id: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        einfo: Any,
    ) -> None:
        run(lambda sessions: jobs.bury(sessions, self.name, kwargs, exc))


@app.task(name="pipeline.relay")
def relay() -> int:
    return run(lambda sessions: jobs.relay_outbox(sessions, publish))


@app.task(
    name="pipeline.notify",
    base=DeadLettering,
    autoretry_for=TRANSIENT,
    retry_backoff=1,
    retry_backoff_max=4,
    retry_jitter=True,
    max_retries=int(os.environ.get("WEEK12_MAIL_RETRIES", "8")),
)
def notify(message_id: int, key: str, template: str, user_id: int, data: dict[str, str]) -> str:
    # A pause before the send, for the demo and the test that kills the worker mid-task.
    time.sleep(float(os.environ.get("WEEK12_SEND_DELAY", "0")))
    return run(
        lambda sessions: jobs.notify(
            sessions, smtp_settings(), message_id, key, template, user_id, data
        )
    )


@app.task(name="pipeline.build_report", base=DeadLettering)
def build_report(message_id: int, report_id: int) -> str:
    return run(lambda sessions: jobs.build_report(sessions, report_id, announce))


@app.task(name="pipeline.due_reminders")
def due_reminders() -> int:
    return run(jobs.due_reminders)
