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
    raise NotImplementedError("TODO: task 13: lock the expired rows, audit ids only, delete")
