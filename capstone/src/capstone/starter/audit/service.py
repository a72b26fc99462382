"""``AuditLog.record``: the services call it for every mutation, on the request's session, so the
event commits or rolls back with the change ([ADR 0006](../../../../docs/adr/0006-audit-in-the-same-transaction.md)).
It also keeps the change on the session (``events.keep``), for the outbox and the real-time layer."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ..events import Change, keep
from ..tenancy.dependencies import Tenant
from .repository import AuditRepository

Snapshot = dict[str, Any] | None


class AuditLog:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        raise NotImplementedError("TODO: task 4")

    async def record(
        self, action: str, entity_type: str, entity_id: int, before: Snapshot, after: Snapshot
    ) -> None:
        raise NotImplementedError("TODO: task 4")
