"""The repository base of tenant data: it cannot query without the organisation id.

Every tenant repository inherits ``TenantRepository``; it is built with the ``Tenant`` the
tenancy dependency resolved, and ``scoped()`` is the only way it starts a query: ``org_id = :org``
(and ``deleted_at IS NULL`` for soft-deletable tables) are always there. A repository method that
wrote ``select(Task)`` by hand would be the bug the isolation suite is there to catch.
"""

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, Update, select, update
from sqlalchemy.ext.asyncio import AsyncSession

M = TypeVar("M")


class TenantRepository(Generic[M]):
    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession, org_id: int) -> None:
        self.session = session
        self.org_id = org_id

    def scoped(self) -> Select[M]:
        """``SELECT`` of this organisation's live rows: every query starts here."""
        raise NotImplementedError("TODO: task 2: this organisation's live rows")

    def scoped_update(self) -> Update:
        """``UPDATE`` of this organisation's live rows (for compare-and-set writes)."""
        raise NotImplementedError("TODO: task 2")

    async def get(self, item_id: int) -> M | None:
        raise NotImplementedError("TODO: task 2")

    async def add(self, **values: Any) -> M:
        """A new row of this organisation (``org_id`` is not the caller's to choose)."""
        raise NotImplementedError("TODO: task 2: org_id set here, never by the caller")
