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
    # BEGIN SOLUTION task 13: columns
    requested_by: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL")
    )
    format: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default=ExportStatus.pending)
    content: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # REPLACE WITH
    # # TODO (task 13): the rest of ReportExport: columns (migration 0008)
    # END SOLUTION
