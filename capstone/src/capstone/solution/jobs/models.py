"""The outbox of e-mails: one row per message to send, written in the transaction of the change
that causes it ([ADR 0010](../../../../docs/adr/0010-outbox-operator-table.md)).

An operator table, not a tenant one: the delivery worker serves every organisation, so the table
has ``org_id`` for the admins' view but no row-level security policy.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column


class Status(StrEnum):
    pending = "pending"  # to send (now, or at next_attempt_at after a failure)
    sent = "sent"  # the SMTP server accepted it
    dead = "dead"  # failed MAX_ATTEMPTS times: parked for an operator, never retried alone


class OutboxEmail(Base):
    __tablename__ = "outbox_emails"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION task 13: columns, the partial index
    __table_args__ = (
        # The delivery's one query: the due pending rows, oldest first.
        Index(
            "ix_outbox_emails_due", "next_attempt_at", postgresql_where=text("status = 'pending'")
        ),
    )
    org_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    message_id: Mapped[str] = mapped_column(String(200), unique=True)  # the e-mail's Message-ID
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=Status.pending)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 13): the rest of OutboxEmail: columns, the index (migration 0007)
    # END SOLUTION
