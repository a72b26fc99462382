"""The retention purge: projects and tasks soft-deleted more than ``RETENTION`` ago are removed
for good, each with an audit row that names ids only (the content is what has to go).

It runs across organisations (the worker is the operator, not a tenant) and is idempotent: a row
purged is gone, so a second run finds nothing; ``SKIP LOCKED`` keeps two runs at once apart.
"""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.models import AuditEvent
from ..projects.models import Project
from ..tasks.models import Task

RETENTION = timedelta(days=30)


async def purge_deleted(
    session: AsyncSession, retention: timedelta = RETENTION, now: datetime | None = None
) -> dict[str, list[int]]:
    """Delete the expired soft-deleted tasks, then projects; the ids purged, per entity type.
    The caller commits (the deletes and their audit rows together)."""
    # BEGIN SOLUTION task 13: lock the expired rows, audit ids only, delete
    cutoff = (now or func.now()) - retention
    purged: dict[str, list[int]] = {}
    model: Any
    for entity_type, model in (("task", Task), ("project", Project)):
        rows = await session.execute(
            select(model.id, model.org_id)
            .where(model.deleted_at < cutoff)
            .order_by(model.id)
            .with_for_update(skip_locked=True)
        )
        expired = [(entity_id, org_id) for entity_id, org_id in rows]
        for entity_id, org_id in expired:
            session.add(
                AuditEvent(
                    org_id=org_id,
                    actor_id=None,
                    action=f"{entity_type}.purged",
                    entity_type=entity_type,
                    entity_id=entity_id,
                    before=None,
                    after=None,
                )
            )
        if expired:
            await session.execute(delete(model).where(model.id.in_([i for i, _ in expired])))
        purged[entity_type] = [entity_id for entity_id, _ in expired]
    return purged
    # END SOLUTION
