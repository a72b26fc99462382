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
    # TODO (task 13): the rest of OutboxEmail: columns, the index (migration 0007)
