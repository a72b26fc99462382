"""The pipeline's tables: the outbox, the e-mails sent, the dead letters and the report exports."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Identity, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base


class OutboxMessage(Base):
    """A job to publish, written in the same transaction as the change that asks for it: both are
    committed, or neither. ``sent_at`` stays NULL until the relay has handed it to the broker."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    task_name: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)


class SentEmail(Base):
    """One row per e-mail that left: the idempotency record (its key is unique)."""

    __tablename__ = "sent_emails"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(320))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DeadLetter(Base):
    """A job that failed for good: its task, arguments and error, kept until someone replays it."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    task_name: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    replayed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReportExport(Base):
    """A user's export of their tasks: queued -> running -> done (with its content) or failed."""

    __tablename__ = "report_exports"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="queued")
    content: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
