from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin
from .search import DOCUMENT


class Status(StrEnum):
    todo = "todo"
    in_progress = "in_progress"
    in_review = "in_review"
    done = "done"


# The workflow: where a task may go from each status (anything else is a 409).
# TODO (task 6): every status with the statuses it may move to (README, "The workflow")
TRANSITIONS: dict[Status, frozenset[Status]] = {}


class Task(TenantMixin, Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 6): the rest of Task: columns, constraints (docs/er.md, the migration)
