"""Audit logging in the same transaction as the change it records (lecture 2).

An audit row answers who (``actor_id``), what (``action`` on ``entity``/``entity_id``, the row
``before`` and ``after`` as JSONB), when (``at``, the database's clock) and for which tenant.
It is added to the *same session* as the mutation, so both commit together or neither does: a
rolled-back change leaves no audit row claiming it happened, and a committed change cannot lack
one (writing the audit "afterwards", or from a background task, loses it on a crash in between).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, String, func, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from capstone.lectures.db import Base


class AuditTask(Base):
    __tablename__ = "lec_audit_tasks"
    __table_args__ = (
        # Unique among live rows only: a soft-deleted task must not block its title for ever.
        Index(
            "lec_audit_tasks_live_title",
            "org_id",
            "title",
            unique=True,
            postgresql_where="deleted_at IS NULL",
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[int] = mapped_column(BigInteger, index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="open")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEvent(Base):
    __tablename__ = "lec_audit_events"
    __table_args__ = (Index("lec_audit_events_entity", "org_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[int] = mapped_column(BigInteger)
    actor_id: Mapped[int] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int] = mapped_column(BigInteger)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


AUDITED = ("title", "status", "deleted_at")


def snapshot(task: AuditTask) -> dict[str, Any]:
    """The audited fields as JSON values (datetimes as ISO strings)."""
    values = {name: getattr(task, name) for name in AUDITED}
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}


def record(
    session: AsyncSession,
    actor_id: int,
    action: str,
    task: AuditTask,
    before: dict[str, Any] | None,
) -> None:
    """Add the audit row to the session of the change: one commit writes both."""
    after = None if action == "purge" else snapshot(task)
    session.add(
        AuditEvent(
            org_id=task.org_id,
            actor_id=actor_id,
            action=action,
            entity="task",
            entity_id=task.id,
            before=before,
            after=after,
        )
    )


async def create_task(session: AsyncSession, actor_id: int, org_id: int, title: str) -> AuditTask:
    task = AuditTask(org_id=org_id, title=title, status="open")
    session.add(task)
    await session.flush()  # the id, for the audit row
    record(session, actor_id, "create", task, before=None)
    return task


async def update_task(
    session: AsyncSession, actor_id: int, org_id: int, task_id: int, **changes: Any
) -> AuditTask | None:
    task = await session.scalar(
        select(AuditTask).where(AuditTask.org_id == org_id, AuditTask.id == task_id)
    )
    if task is None:
        return None
    before = snapshot(task)
    for name, value in changes.items():
        setattr(task, name, value)
    await session.flush()  # a constraint violation surfaces here, before the audit row exists
    record(session, actor_id, "update", task, before)
    return task


async def history(session: AsyncSession, org_id: int, task_id: int) -> list[AuditEvent]:
    query = (
        select(AuditEvent)
        .where(AuditEvent.org_id == org_id, AuditEvent.entity == "task")
        .where(AuditEvent.entity_id == task_id)
        .order_by(AuditEvent.id)
    )
    return list(await session.scalars(query))
