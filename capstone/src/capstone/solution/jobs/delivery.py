"""Delivering the outbox over SMTP: at least once, with a stable Message-ID.

Each row is claimed with ``FOR UPDATE SKIP LOCKED`` in its own transaction, sent, and marked sent
by that transaction's commit: two workers never send the same row at once, and a worker that dies
before its commit releases the row (its connection closes, the transaction rolls back) for the
next attempt. What SMTP cannot give is *exactly* once: a worker killed after the server accepted
the message but before the commit sends it again. That second copy carries the same Message-ID,
which is how a receiving system (and a person) recognises the duplicate.

A failed send is retried after an exponential backoff with full jitter; after ``max_attempts``
failures the row is ``dead`` (a dead letter): kept, with its last error, for an operator. Every
failure counts, not only the network's: a row that can never be sent (a poison message, such as
a recipient with a line break, which ``EmailMessage`` refuses) must not crash every delivery
forever, it must run out of attempts.
"""

import random
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .models import OutboxEmail, Status

SENDER = "Projects <notifications@projects.example>"
Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True)
class Delivery:
    """Where and how hard to deliver (the worker reads them from its environment)."""

    # BEGIN SOLUTION task 13: SMTP server, attempts, backoff
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_timeout: float = 5.0
    max_attempts: int = 8
    backoff: float = 30.0  # seconds before the second attempt; doubled for each next one
    backoff_max: float = 3600.0
    # REPLACE WITH
    # # TODO (task 13): the SMTP server (host, port, timeout), max_attempts, backoff, backoff_max
    # END SOLUTION


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...): "full jitter", a
    random delay between 0 and ``min(cap, base * 2 ** (attempt - 1))``, so the messages that
    failed together (the SMTP server was down) do not all come back at the same moment."""
    # BEGIN SOLUTION task 13: exponential, capped, full jitter
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return (rng or random).uniform(0, ceiling)
    # END SOLUTION


def as_email(row: OutboxEmail) -> EmailMessage:
    # BEGIN SOLUTION task 13: From, To, Subject, Message-ID, the body
    mail = EmailMessage()
    mail["From"] = SENDER
    mail["To"] = row.recipient
    mail["Subject"] = row.subject
    mail["Message-ID"] = row.message_id
    mail.set_content(row.body)
    return mail
    # END SOLUTION


def send(settings: Delivery, mail: EmailMessage) -> None:
    """One SMTP conversation (``OSError`` or ``smtplib.SMTPException`` when it fails)."""
    # BEGIN SOLUTION task 13: one SMTP connection, send_message
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout
    ) as smtp:
        smtp.send_message(mail)
    # END SOLUTION


async def deliver_one(sessions: Sessions, settings: Delivery) -> bool:
    """Claim the oldest due pending row, send it and record the outcome; False when none is due."""
    # BEGIN SOLUTION task 13: claim (SKIP LOCKED), send, sent / retry later / dead
    async with sessions() as session, session.begin():
        row = await session.scalar(
            select(OutboxEmail)
            .where(OutboxEmail.status == Status.pending, OutboxEmail.next_attempt_at <= func.now())
            .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if row is None:
            return False
        row.attempts += 1
        try:
            send(settings, as_email(row))
        except Exception as exc:
            row.last_error = f"{type(exc).__name__}: {exc}"[:1000]
            if row.attempts >= settings.max_attempts:
                row.status = Status.dead
            else:
                delay = backoff(row.attempts, settings.backoff, settings.backoff_max)
                row.next_attempt_at = func.now() + timedelta(seconds=delay)
            return True
        row.status, row.sent_at, row.last_error = Status.sent, func.now(), None
        return True
    # END SOLUTION


async def deliver_due(sessions: Sessions, settings: Delivery) -> int:
    """Deliver (or fail) every row due now; how many rows were attempted."""
    # BEGIN SOLUTION task 13: deliver_one until none is due
    count = 0
    while await deliver_one(sessions, settings):
        count += 1
    return count
    # END SOLUTION


async def next_due(sessions: Sessions) -> datetime | None:
    """When the earliest pending row is due (None: nothing pending)."""
    # BEGIN SOLUTION task 13: the earliest next_attempt_at of a pending row
    async with sessions() as session:
        return await session.scalar(
            select(func.min(OutboxEmail.next_attempt_at)).where(
                OutboxEmail.status == Status.pending
            )
        )
    # END SOLUTION
