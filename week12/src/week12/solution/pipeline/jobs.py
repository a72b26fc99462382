"""What the pipeline's tasks do, as async functions of a session factory (the Celery tasks in
``worker`` are thin wrappers: a fresh engine, ``asyncio.run``).

Each job is idempotent: it may run twice (a worker killed mid-task, a relay crashed after the
publish) and still has its effect once.
"""

import csv
import io
import json
import smtplib
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from ..realtime.events import Event
from ..tasks.models import Task, TaskStatus
from ..users.models import User
from .mail import SmtpSettings, render, send
from .models import DeadLetter, OutboxMessage, ReportExport, SentEmail
from .outbox import Publish, enqueue, relay

Sessions = async_sessionmaker[AsyncSession]
Announce = Callable[[Event], Awaitable[object]]  # week 12: tell the owner's sockets
SmtpError = smtplib.SMTPException
REPORT_FIELDS = ("id", "title", "status", "priority", "due_date", "created_at")


async def relay_outbox(sessions: Sessions, publish: Publish) -> int:
    """Relay every unsent message, in batches, until none is left; how many."""
    total = 0
    while True:
        async with sessions() as session:
            sent = await relay(session, publish)
        total += sent
        if not sent:
            return total


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
    async with sessions() as session, session.begin():
        user = await session.get(User, user_id)
        if user is None:
            return "no such user"  # deleted since: nobody to tell
        claim = (
            insert(SentEmail)
            .values(key=key, recipient=user.email)
            .on_conflict_do_nothing(index_elements=[SentEmail.key])
            .returning(SentEmail.key)
        )
        if (await session.execute(claim)).first() is None:
            return "already sent"
        send(smtp, render(template, user.email, data))
    return "sent"


async def bury(
    sessions: Sessions, task_name: str, payload: dict[str, Any], exc: BaseException
) -> None:
    """Park a job that failed for good in ``dead_letters``, with its arguments and its error."""
    kept = {name: value for name, value in payload.items() if name != "message_id"}
    async with sessions() as session, session.begin():
        session.add(
            DeadLetter(task_name=task_name, payload=kept, error=f"{type(exc).__name__}: {exc}")
        )


async def replay(session: AsyncSession, dead_letter: DeadLetter, now: datetime) -> OutboxMessage:
    """Send a dead letter's job again (through the outbox) and mark it replayed."""
    message = enqueue(session, dead_letter.task_name, **dead_letter.payload)
    dead_letter.replayed_at = now
    return message


def render_report(tasks: Sequence[Task], format: str) -> str:
    """The tasks as CSV (a header row, then one row per task) or as a JSON array (``ValueError``
    for another format)."""
    if format not in ("csv", "json"):
        raise ValueError(f"unknown report format {format!r}")
    rows = [
        {
            name: value.isoformat() if isinstance(value, date) else str(value)
            for name in REPORT_FIELDS
            if (value := getattr(task, name)) is not None
        }
        for task in tasks
    ]
    if format == "json":
        return json.dumps(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


async def build_report(sessions: Sessions, report_id: int, announce: Announce | None = None) -> str:
    """Build a queued export: running, then done with its content and a "report ready" e-mail
    (through the outbox, in the same transaction), or failed with the error. A report already
    done is left alone (a re-delivered task).

    Week 12: then ``announce`` tells the owner's sockets (``report.ready``), after the commit:
    a client that downloads at once finds it done."""
    async with sessions() as session:
        report = await session.get(ReportExport, report_id, with_for_update=True)
        if report is None or report.status in ("done", "failed"):
            return "nothing to do"
        report.status = "running"
        await session.commit()
        try:
            tasks = await session.scalars(
                select(Task).where(Task.owner_id == report.owner_id).order_by(Task.id)
            )
            report.content = render_report(list(tasks), report.format)
        except Exception as exc:
            await session.rollback()
            report.status, report.error = "failed", f"{type(exc).__name__}: {exc}"
            await session.commit()
            raise
        report.status = "done"
        enqueue(
            session,
            "pipeline.notify",
            key=f"report:{report.id}",
            template="report_ready",
            user_id=report.owner_id,
            data={"report_id": str(report.id), "format": report.format},
        )
        await session.commit()
        # BEGIN SOLUTION announce a report.ready Event (when given an announce)
        if announce is not None:
            await announce(
                Event(type="report.ready", owner_id=report.owner_id, report_id=report.id)
            )
        # END SOLUTION
        return "done"


async def due_reminders(sessions: Sessions, today: date | None = None) -> int:
    """A reminder (through the outbox) for every open task due tomorrow; how many. Its key names the
    task and the date, so a second run on the same day sends nothing twice."""
    tomorrow = (today or datetime.now(UTC).date()) + timedelta(days=1)
    async with sessions() as session, session.begin():
        rows = await session.execute(
            select(Task)
            .where(Task.due_date == tomorrow, Task.status != TaskStatus.DONE)
            .order_by(Task.id)
        )
        count = 0
        for task in rows.scalars():
            enqueue(
                session,
                "pipeline.notify",
                key=f"due:{task.id}:{tomorrow.isoformat()}",
                template="due_soon",
                user_id=task.owner_id,
                data={
                    "task_id": str(task.id),
                    "title": task.title,
                    "due_date": tomorrow.isoformat(),
                },
            )
            count += 1
        return count
