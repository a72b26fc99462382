"""The capstone's Celery app, its tasks and its Beat schedule (README, "Background jobs").

    celery -A capstone.solution.jobs.worker worker --loglevel=INFO   # a worker
    celery -A capstone.solution.jobs.worker beat --loglevel=INFO     # the schedule (one only)

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
    # BEGIN SOLUTION task 13: SMTP_HOST, SMTP_PORT, the attempts and the backoff
    env = os.environ
    return delivery.Delivery(
        smtp_host=env.get("SMTP_HOST", "127.0.0.1"),
        smtp_port=int(env.get("SMTP_PORT", "1025")),
        max_attempts=int(env.get("CAPSTONE_MAIL_ATTEMPTS", "8")),
        backoff=float(env.get("CAPSTONE_MAIL_BACKOFF", "30")),
    )
    # END SOLUTION


def run(job: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    """Run an async job on an engine of its own (NullPool: no connection outlives the task)."""

    # BEGIN SOLUTION task 13: a NullPool engine, asyncio.run, dispose
    async def main() -> T:
        engine = create_async_engine(database_url(), poolclass=NullPool)
        try:
            return await job(async_sessionmaker(engine, expire_on_commit=False))
        finally:
            await engine.dispose()

    return asyncio.run(main())
    # END SOLUTION


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
    # BEGIN SOLUTION task 13: deliver_due, then come back at next_due
    settings = delivery_settings()

    async def job(sessions: delivery.Sessions) -> tuple[int, datetime | None]:
        return await delivery.deliver_due(sessions, settings), await delivery.next_due(sessions)

    count, due = run(job)
    if due is not None:
        wait = (due - datetime.now(UTC)).total_seconds()
        deliver_outbox.apply_async(countdown=min(max(MIN_COUNTDOWN, wait), MAX_COUNTDOWN))
    return count
    # END SOLUTION


@app.task(name=PURGE)
def purge_deleted() -> dict[str, list[int]]:
    # BEGIN SOLUTION task 13: purge_deleted in one transaction
    async def job(sessions: delivery.Sessions) -> dict[str, list[int]]:
        async with sessions() as session, session.begin():
            return await retention.purge_deleted(session)

    return run(job)
    # END SOLUTION


@app.task(name=BUILD_EXPORT)
def build_export(org_id: int, export_id: int) -> str:
    """Build the export once: a re-delivered task finds it done and leaves it alone."""

    # BEGIN SOLUTION task 13: build in one transaction
    async def job(sessions: delivery.Sessions) -> str:
        async with sessions() as session, session.begin():
            return await exports.build(session, org_id, export_id)

    return run(job)
    # END SOLUTION


@app.task(name=SWEEP_EXPORTS)
def sweep_exports() -> int:
    """Publish a build for every export pending for over a minute (its publish failed)."""

    # BEGIN SOLUTION task 13: pending over a minute; build_export.delay
    async def job(sessions: delivery.Sessions) -> list[tuple[int, int]]:
        async with sessions() as session:
            rows = await session.execute(
                select(ReportExport.org_id, ReportExport.id).where(
                    ReportExport.status == ExportStatus.pending,
                    ReportExport.created_at < func.now() - timedelta(minutes=1),
                )
            )
            return [(org_id, export_id) for org_id, export_id in rows.all()]

    pending = run(job)
    for org_id, export_id in pending:
        build_export.delay(org_id=org_id, export_id=export_id)
    return len(pending)
    # END SOLUTION
