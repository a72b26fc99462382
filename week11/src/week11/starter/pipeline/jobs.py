"""What the pipeline's tasks do, as async functions of a session factory (the Celery tasks in
``worker`` are thin wrappers: a fresh engine, ``asyncio.run``).

Each job is idempotent: it may run twice (a worker killed mid-task, a relay crashed after the
publish) and still has its effect once.
"""

import csv
import io
import json
import smtplib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..tasks.models import Task, TaskStatus
from ..users.models import User
from .mail import SmtpSettings, render, send
from .models import DeadLetter, OutboxMessage, ReportExport, SentEmail
from .outbox import Publish, enqueue, relay

Sessions = async_sessionmaker[AsyncSession]
SmtpError = smtplib.SMTPException
REPORT_FIELDS = ("id", "title", "status", "priority", "due_date", "created_at")


async def relay_outbox(sessions: Sessions, publish: Publish) -> int:
    """Relay every unsent message, in batches, until none is left; how many."""
    raise NotImplementedError("TODO: outbox.relay per batch until none is left")


async def notify(
    sessions: Sessions,
    smtp: SmtpSettings,
    message_id: int,
    key: str,
    template: str,
    user_id: int,
    data: dict[str, str],
) -> str:
    """Send the e-mail for ``key`` once, however often the task runs.

    The claim (a row in ``sent_emails``) and the send share one transaction: a crash before the
    commit rolls the claim back and the re-delivered task sends it; a second delivery running at
    the same time waits on the row's lock, then finds it claimed. Only a crash between the send
    and the commit sends twice: at least once, never zero times.
    """
    raise NotImplementedError("TODO: claim (ON CONFLICT DO NOTHING), send, commit")


async def bury(
    sessions: Sessions, task_name: str, payload: dict[str, Any], exc: BaseException
) -> None:
    """Park a job that failed for good in ``dead_letters``, with its arguments and its error."""
    raise NotImplementedError("TODO: one DeadLetter row (payload without message_id), committed")


async def replay(session: AsyncSession, dead_letter: DeadLetter, now: datetime) -> OutboxMessage:
    """Send a dead letter's job again (through the outbox) and mark it replayed."""
    raise NotImplementedError("TODO: enqueue the same task and payload; set replayed_at")


def render_report(tasks: Sequence[Task], format: str) -> str:
    """The tasks as CSV (a header row, then one row per task) or as a JSON array (``ValueError``
    for another format)."""
    raise NotImplementedError("TODO: the REPORT_FIELDS of each task; dates as ISO strings")


async def build_report(sessions: Sessions, report_id: int) -> str:
    """Build a queued export: running, then done with its content and a "report ready" e-mail
    (through the outbox, in the same transaction), or failed with the error. A report already
    done is left alone (a re-delivered task)."""
    raise NotImplementedError("TODO: running; rendered; done + e-mail, or failed")


async def due_reminders(sessions: Sessions, today: date | None = None) -> int:
    """A reminder (through the outbox) for every open task due tomorrow; how many. Its key names the
    task and the date, so a second run on the same day sends nothing twice."""
    raise NotImplementedError("TODO: the open tasks due tomorrow; one notify message each")
