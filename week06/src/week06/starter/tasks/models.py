"""The tasks table and its link to tags (many-to-many through ``task_tags``).

``task_tags`` is an association *object* (``TaskTag``), not a plain ``secondary`` table, because the
link has data of its own: ``position`` keeps the tags in the order the client sent them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Enum, ForeignKey, Identity, Index, SmallInteger, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base

if TYPE_CHECKING:
    from ..categories.models import Category


class TaskStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


def text_enum(enum: type[StrEnum], name: str) -> Enum:
    """A VARCHAR with a CHECK constraint (not a PostgreSQL ENUM type: adding a value later is a
    plain constraint change), storing the values ("in_progress"), not the member names."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [member.value for member in members],
    )


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    # TODO: columns, relationships, ix_tasks_created_at_id


class TaskTag(Base):
    __tablename__ = "task_tags"

    task_id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(primary_key=True)
    # TODO: foreign keys (ON DELETE?), position, task, index
