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
# BEGIN SOLUTION
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.todo: frozenset({Status.in_progress}),
    Status.in_progress: frozenset({Status.todo, Status.in_review}),
    Status.in_review: frozenset({Status.todo, Status.in_progress, Status.done}),
    Status.done: frozenset({Status.in_progress}),  # reopened
}
# REPLACE WITH
# # TODO (task 6): every status with the statuses it may move to (README, "The workflow")
# TRANSITIONS: dict[Status, frozenset[Status]] = {}
# END SOLUTION


class Task(TenantMixin, Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (
        # The project must be in the task's own organisation: not checked, impossible.
        ForeignKeyConstraint(
            ["project_id", "org_id"],
            ["projects.id", "projects.org_id"],
            name="fk_tasks_project_id_projects",
            ondelete="CASCADE",
        ),
        # The target of comments' composite foreign key: a comment's task is in the comment's org.
        UniqueConstraint("id", "org_id", name="uq_tasks_id_org_id"),
        CheckConstraint("status IN ('todo', 'in_progress', 'in_review', 'done')", name="status"),
        Index("ix_tasks_org_id_id", "org_id", "id", postgresql_where=text("deleted_at IS NULL")),
        Index("ix_tasks_labels", "labels", postgresql_using="gin"),
        Index("ix_tasks_document", "document", postgresql_using="gin"),
    )
    project_id: Mapped[int] = mapped_column(BigInteger, index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, server_default="")
    status: Mapped[Status] = mapped_column(Text, server_default=Status.todo.value)
    assignee_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    labels: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    version: Mapped[int] = mapped_column(server_default="1")
    created_at: Mapped[datetime] = created_at_column()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Written by PostgreSQL (GENERATED ... STORED); deferred: only the search's WHERE reads it.
    document: Mapped[str] = mapped_column(
        TSVECTOR, Computed(DOCUMENT, persisted=True), deferred=True
    )
    # REPLACE WITH
    # # TODO (task 6): the rest of Task: columns, constraints (docs/er.md, the migration)
    # END SOLUTION
