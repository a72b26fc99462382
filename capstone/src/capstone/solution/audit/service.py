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
        # BEGIN SOLUTION task 4
        self.session = session
        self.events = AuditRepository(session, tenant.org_id)
        self.org_id, self.actor_id = tenant.org_id, tenant.user_id
        # END SOLUTION

    async def record(
        self, action: str, entity_type: str, entity_id: int, before: Snapshot, after: Snapshot
    ) -> None:
        # BEGIN SOLUTION task 4
        await self.events.add(
            actor_id=self.actor_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            before=before,
            after=after,
        )
        keep(
            self.session,
            Change(self.org_id, self.actor_id, action, entity_type, entity_id, before, after),
        )
        # END SOLUTION
