"""The tasks table and its link to tags (many-to-many through ``task_tags``).

``task_tags`` is an association *object* (``TaskTag``), not a plain ``secondary`` table, because the
link has data of its own: ``position`` keeps the tags in the order the client sent them.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    DateTime,
    Enum,
    ForeignKey,
    Identity,
    Index,
    SmallInteger,
    String,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from .indexes import query_indexes

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
    # Every task belongs to a user (week 9); deleting the user deletes their tasks.
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[TaskStatus] = mapped_column(text_enum(TaskStatus, "status"))
    priority: Mapped[Priority] = mapped_column(text_enum(Priority, "priority"))
    due_date: Mapped[date | None]
    # ON DELETE RESTRICT: the API refuses to delete a category in use (409); the database agrees.
    # Indexed by ix_tasks_category_id_created_at_id (indexes.py), which leads with this column.
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="RESTRICT")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # Optimistic concurrency (task 2): every UPDATE sets version = version + 1, and one with
    # If-Match adds "AND version IN (<the versions the client named>)" (repository.update); the
    # API shows it as the task's ETag. default=1 too: a new task's version is known without a
    # query after the INSERT.
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))

    category: Mapped[Category | None] = relationship(back_populates="tasks", lazy="raise")
    tag_links: Mapped[list[TaskTag]] = relationship(
        back_populates="task",
        lazy="raise",
        cascade="all, delete-orphan",  # the links live and die with their task
        passive_deletes=True,  # deleting a task: ON DELETE CASCADE removes its links, no SELECT
        order_by="TaskTag.position",
    )

    # Keyset pages sorted by creation time (GET /api/v2/tasks?sort=created_at) read this index
    # from the cursor's position on, instead of sorting the whole table.
    __table_args__ = (
        Index("ix_tasks_created_at_id", "created_at", "id"),
        # A user's tasks in id order (GET /tasks): every list query starts with this filter.
        Index("ix_tasks_owner_id_id", "owner_id", "id"),
        *query_indexes(),
    )

    @property
    def tag_ids(self) -> list[int]:
        """The tag ids in the order they were given (``TaskRead`` reads this attribute)."""
        return [link.tag_id for link in self.tag_links]

    @tag_ids.setter
    def tag_ids(self, ids: list[int]) -> None:
        self.tag_links = [TaskTag(tag_id=tag_id, position=i) for i, tag_id in enumerate(ids)]


class TaskTag(Base):
    __tablename__ = "task_tags"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(SmallInteger)

    task: Mapped[Task] = relationship(back_populates="tag_links", lazy="raise")

    # "Which tasks have tag 7?" (the tag filter, deleting a tag) reads by tag_id: the primary key
    # (task_id, tag_id) cannot serve that, this index can.
    __table_args__ = (Index("ix_task_tags_tag_id", "tag_id"),)
