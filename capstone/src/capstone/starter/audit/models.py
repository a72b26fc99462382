"""Audit events: who did what, when, to which entity, from what to what."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class AuditEvent(TenantMixin, Base):
    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 4): the rest of AuditEvent: columns, constraints (docs/er.md, the migration)
