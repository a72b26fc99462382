from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class Project(TenantMixin, Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (
        # The target of tasks' composite foreign key: a task's project is in the task's org.
        UniqueConstraint("id", "org_id", name="uq_projects_id_org_id"),
        # Names are unique among live projects only: a deleted project's name can be reused.
        Index(
            "uq_projects_org_id_name_lower",
            "org_id",
            text("lower(name)"),
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, server_default="")
    created_at: Mapped[datetime] = created_at_column()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # REPLACE WITH
    # # TODO (task 5): the rest of Project: columns, constraints (docs/er.md, the migration)
    # END SOLUTION
