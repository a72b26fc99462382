from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class Project(TenantMixin, Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 5): the rest of Project: columns, constraints (docs/er.md, the migration)
