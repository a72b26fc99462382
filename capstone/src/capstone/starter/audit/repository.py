"""Audit events of one organisation: appended, listed newest first; never updated or deleted."""

from collections.abc import Sequence

from ..tenancy.base import TenantRepository
from .models import AuditEvent


class AuditRepository(TenantRepository[AuditEvent]):
    model = AuditEvent

    # TODO (task 4): the events page by page, newest first, optionally of one entity type
