"""The capstone's Celery app, its tasks and its Beat schedule (README, "Background jobs").

    celery -A capstone.starter.jobs.worker worker --loglevel=INFO   # a worker
    celery -A capstone.starter.jobs.worker beat --loglevel=INFO     # the schedule (one only)

It reads ``REDIS_URL`` (broker and results), ``DATABASE_URL`` and ``SMTP_HOST``/``SMTP_PORT``.
Messages are acknowledged late: a task may run twice, so every task is idempotent.
"""

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool

from .. import models
from ..db import database_url
from ..exports import service as exports
from ..exports.models import ExportStatus, ReportExport
from ..settings import DEV_REDIS_URL
from . import delivery, retention
from .celery_app import BUILD_EXPORT, DELIVER, PURGE, SWEEP_EXPORTS, make_celery

T = TypeVar("T")
TABLES = models.Base.metadata.tables  # every model imported: their relationships name each other
# A countdown is held unacknowledged by a worker: keep it well under the visibility timeout.
MAX_COUNTDOWN = 300.0
# A row due but locked by another worker must not make this one come back in a busy loop.
MIN_COUNTDOWN = 0.5


def delivery_settings() -> delivery.Delivery:
    raise NotImplementedError("TODO: task 13: SMTP_HOST, SMTP_PORT, the attempts and the backoff")


def run(job: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    """Run an async job on an engine of its own (NullPool: no connection outlives the task)."""

    raise NotImplementedError("TODO: task 13: a NullPool engine, asyncio.run, dispose")


# REDIS_URL as ``Settings.from_env`` reads it (the worker needs no secrets, so not the whole set).
app = make_celery(
    os.environ.get("REDIS_URL") or DEV_REDIS_URL,
    float(os.environ.get("CAPSTONE_VISIBILITY", "3600")),
)


@app.task(name=DELIVER)
def deliver_outbox() -> int:
    """Deliver every due row; if some wait for their backoff, come back when the first is due."""
    # A pause before the work: the crash test kills the worker in it (0 in production).
    time.sleep(float(os.environ.get("CAPSTONE_TASK_PAUSE", "0")))
    raise NotImplementedError("TODO: task 13: deliver_due, then come back at next_due")


@app.task(name=PURGE)
def purge_deleted() -> dict[str, list[int]]:
    raise NotImplementedError("TODO: task 13: purge_deleted in one transaction")


@app.task(name=BUILD_EXPORT)
def build_export(org_id: int, export_id: int) -> str:
    """Build the export once: a re-delivered task finds it done and leaves it alone."""

    raise NotImplementedError("TODO: task 13: build in one transaction")


@app.task(name=SWEEP_EXPORTS)
def sweep_exports() -> int:
    """Publish a build for every export pending for over a minute (its publish failed)."""

    raise NotImplementedError("TODO: task 13: pending over a minute; build_export.delay")
