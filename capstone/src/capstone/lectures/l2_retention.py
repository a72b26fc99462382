"""Soft deletes, restore and a retention job (lecture 2).

Deleting a task sets ``deleted_at`` instead of removing the row: "undo" and "restore from the
bin" are one UPDATE, and the audit trail keeps pointing at a row. The costs are the reasons for the
rest of this module:

- every query of live data must say ``deleted_at IS NULL`` (``live_tasks`` is the one place that
  does; the project's repository base adds it like the tenant filter);
- unique constraints become partial (``WHERE deleted_at IS NULL``, see ``AuditTask``);
- deleted data is still data: a retention policy says how long it stays ("30 days in the bin"),
  and ``purge_deleted``, run daily by the scheduler, removes what is older for good and leaves an
  audit row saying so (that row holds ids, not the content: it is the content that has to go).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.lectures.l2_audit import AuditTask, record, snapshot

RETENTION = timedelta(days=30)
SYSTEM_ACTOR = 0  # the retention job acts as nobody in particular


def live_tasks(org_id: int) -> Select[AuditTask]:
    return select(AuditTask).where(AuditTask.org_id == org_id, AuditTask.deleted_at.is_(None))


async def soft_delete(session: AsyncSession, actor_id: int, org_id: int, task_id: int) -> bool:
    task = await session.scalar(live_tasks(org_id).where(AuditTask.id == task_id))
    if task is None:
        return False
    before = snapshot(task)
    task.deleted_at = await session.scalar(select(func.now()))
    record(session, actor_id, "delete", task, before)
    return True


async def restore(session: AsyncSession, actor_id: int, org_id: int, task_id: int) -> bool:
    task = await session.scalar(
        select(AuditTask).where(
            AuditTask.org_id == org_id, AuditTask.id == task_id, AuditTask.deleted_at.is_not(None)
        )
    )
    if task is None:
        return False
    before = snapshot(task)
    task.deleted_at = None
    await session.flush()  # a live task took the title meanwhile: IntegrityError, nothing changed
    record(session, actor_id, "restore", task, before)
    return True


async def purge_deleted(session: AsyncSession, retention: timedelta = RETENTION) -> int:
    """Remove tasks deleted more than ``retention`` ago, across tenants; how many went."""
    expired = await session.scalars(
        select(AuditTask)
        .where(AuditTask.deleted_at < func.now() - retention)
        .with_for_update(skip_locked=True)  # two runs of the job never purge the same row
    )
    count = 0
    for task in expired:
        record(
            session,
            SYSTEM_ACTOR,
            "purge",
            task,
            before={"deleted_at": snapshot(task)["deleted_at"]},
        )
        await session.delete(task)
        count += 1
    return count
