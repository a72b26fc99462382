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
    # TODO (task 10): the rest of Attachment: columns, constraints (docs/er.md, the migration)
