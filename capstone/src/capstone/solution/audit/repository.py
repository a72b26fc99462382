"""Audit events of one organisation: appended, listed newest first; never updated or deleted."""

from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import AuditEvent


class AuditRepository(TenantRepository[AuditEvent]):
    model = AuditEvent

    # BEGIN SOLUTION task 4
    async def page(
        self, limit: int, before_id: int | None, entity_type: str | None
    ) -> Sequence[AuditEvent]:
        query = self.scoped().order_by(AuditEvent.id.desc()).limit(limit + 1)
        if before_id is not None:
            query = query.where(AuditEvent.id < before_id)
        if entity_type is not None:
            query = query.where(AuditEvent.entity_type == entity_type)
        return (await self.session.scalars(query)).all()

    # REPLACE WITH
    # # TODO (task 4): the events page by page, newest first, optionally of one entity type
    # END SOLUTION
