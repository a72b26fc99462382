"""Audit events of one organisation: appended, listed newest first; never updated or deleted."""

from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import AuditEvent


class AuditRepository(TenantRepository[AuditEvent]):
    model = AuditEvent

    async def page(
        self, limit: int, before_id: int | None, entity_type: str | None
    ) -> Sequence[AuditEvent]:
        raise NotImplementedError("TODO: task 4: newest first, limit + 1, before the cursor's id")
