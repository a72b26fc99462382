"""The pipeline's tables: the outbox, the e-mails sent, the dead letters and the report exports."""

from sqlalchemy import Identity, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base

# TODO (task 2): the columns of each table as migration 0008 creates them
# (migrations/versions/0008_pipeline.py): `alembic check` must find no difference.


class OutboxMessage(Base):
    """A job to publish, written in the same transaction as the change that asks for it."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    # TODO: task_name, payload (JSON), created_at, sent_at (NULL until relayed; indexed)


class SentEmail(Base):
    """One row per e-mail that left: the idempotency record."""

    __tablename__ = "sent_emails"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    # TODO: recipient, sent_at


class DeadLetter(Base):
    """A job that failed for good, kept until someone replays it."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    # TODO: task_name, payload (JSON), error, failed_at, replayed_at


class ReportExport(Base):
    """A user's export of their tasks: queued -> running -> done or failed."""

    __tablename__ = "report_exports"

    id: Mapped[int] = mapped_column(Identity(always=False), primary_key=True)
    # TODO: owner_id (a user; deleted with them; indexed), format, status, content, error,
    # created_at
