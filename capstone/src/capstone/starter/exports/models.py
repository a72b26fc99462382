"""An export of an organisation's tasks: asked for by an admin, produced by a worker, kept in the
database (a tenant table under row-level security, migration 0008)."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class ExportStatus(StrEnum):
    pending = "pending"
    done = "done"
    failed = "failed"


class ReportExport(TenantMixin, Base):
    __tablename__ = "report_exports"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 13): the rest of ReportExport: columns (migration 0008)
