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
        # BEGIN SOLUTION task 2: this organisation's live rows
        query: Select[M] = select(self.model).where(self.model.org_id == self.org_id)
        if hasattr(self.model, "deleted_at"):
            query = query.where(self.model.deleted_at.is_(None))
        return query
        # END SOLUTION

    def scoped_update(self) -> Update:
        """``UPDATE`` of this organisation's live rows (for compare-and-set writes)."""
        # BEGIN SOLUTION task 2
        query = update(self.model).where(self.model.org_id == self.org_id)
        if hasattr(self.model, "deleted_at"):
            query = query.where(self.model.deleted_at.is_(None))
        return query
        # END SOLUTION

    async def get(self, item_id: int) -> M | None:
        # BEGIN SOLUTION task 2
        row: M | None = await self.session.scalar(self.scoped().where(self.model.id == item_id))
        return row
        # END SOLUTION

    async def add(self, **values: Any) -> M:
        """A new row of this organisation (``org_id`` is not the caller's to choose)."""
        # BEGIN SOLUTION task 2: org_id set here, never by the caller
        row: M = self.model(**values, org_id=self.org_id)
        self.session.add(row)
        await self.session.flush()
        await self.session.refresh(row)
        return row
        # END SOLUTION

    async def get_locked(self, item_id: int, *, share: bool = False) -> M | None:
        """``get`` with a row lock held until the transaction ends: ``FOR UPDATE`` to change or
        delete the row (a concurrent writer waits, then reads what this one committed; a row
        deleted meanwhile is not found), ``FOR SHARE`` to keep it live while this transaction
        writes rows that refer to it."""
        # BEGIN SOLUTION task 2: FOR UPDATE or FOR SHARE, fresh values
        query = self.scoped().where(self.model.id == item_id).with_for_update(read=share)
        row: M | None = await self.session.scalar(query.execution_options(populate_existing=True))
        return row
        # END SOLUTION


async def scope_to_organisation(session: AsyncSession, org_id: int) -> None:
    """The second line of defence ([ADR 0003](../../../../docs/adr/0003-rls-second-line.md)): scope
    the request's transaction to ``org_id``, so that PostgreSQL's row-level security policies
    (migration 0005) show and accept this organisation's rows only, even to a query that forgot
    ``scoped()``. ``set_config(..., true)`` is ``SET LOCAL`` with a bind parameter: it ends with
    the transaction, and a pooled connection never carries it into another request."""
    # BEGIN SOLUTION task 2: set_config of app.org_id, local to the transaction
    await session.execute(select(func.set_config("app.org_id", str(org_id), True)))
    # END SOLUTION
