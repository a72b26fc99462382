"""The repository base of tenant data: it cannot query without the organisation id.

Every tenant repository inherits ``TenantRepository``; it is built with the ``Tenant`` the
tenancy dependency resolved, and ``scoped()`` is the only way it starts a query: ``org_id = :org``
(and ``deleted_at IS NULL`` for soft-deletable tables) are always there. A repository method that
wrote ``select(Task)`` by hand would be the bug the isolation suite is there to catch.
"""

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, Update, func, select, update
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

    async def get_locked(self, item_id: int, *, share: bool = False) -> M | None:
        """``get`` with a row lock held until the transaction ends: ``FOR UPDATE`` to change or
        delete the row (a concurrent writer waits, then reads what this one committed; a row
        deleted meanwhile is not found), ``FOR SHARE`` to keep it live while this transaction
        writes rows that refer to it."""
        raise NotImplementedError("TODO: task 2: FOR UPDATE or FOR SHARE, fresh values")


async def scope_to_organisation(session: AsyncSession, org_id: int) -> None:
    """The second line of defence ([ADR 0003](../../../../docs/adr/0003-rls-second-line.md)): scope
    the request's transaction to ``org_id``, so that PostgreSQL's row-level security policies
    (migration 0005) show and accept this organisation's rows only, even to a query that forgot
    ``scoped()``. ``set_config(..., true)`` is ``SET LOCAL`` with a bind parameter: it ends with
    the transaction, and a pooled connection never carries it into another request."""
    raise NotImplementedError("TODO: task 2: set_config of app.org_id, local to the transaction")
