"""Files attached to tasks. The bytes live in object storage (``storage.py``); a row holds what
the API knows about them: where (``key``), what the uploader declared, and whether the upload has
been checked (``pending`` until ``complete`` has read what really arrived, then ``stored``)."""

import enum
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class AttachmentStatus(enum.StrEnum):
    pending = "pending"
    stored = "stored"


class Attachment(TenantMixin, Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (
        # The task must be in the attachment's own organisation, like a comment's.
        ForeignKeyConstraint(
            ["task_id", "org_id"],
            ["tasks.id", "tasks.org_id"],
            name="fk_attachments_task_id_tasks",
            ondelete="CASCADE",
        ),
        Index("ix_attachments_task_id_id", "task_id", "id"),
        CheckConstraint("status IN ('pending', 'stored')", name="status"),
        CheckConstraint("size > 0", name="size"),
    )
    task_id: Mapped[int] = mapped_column(BigInteger)
    # Chosen by the server, never by the client: "org-<id>/<random>/<sanitised name>".
    key: Mapped[str] = mapped_column(String(300), unique=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[AttachmentStatus] = mapped_column(
        Text, server_default=AttachmentStatus.pending.value
    )
    created_by: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 10): the rest of Attachment: columns, constraints (docs/er.md, the migration)
    # END SOLUTION
