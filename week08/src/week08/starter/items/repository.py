"""All SQL of items. ``upsert_many`` is the idempotent write every sync and webhook goes through."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Result, and_, func, literal_column, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Item
from .schemas import ItemIn, ItemKind, SourceName, UpsertCounts

# Columns a newer version of a record may change (the key and the id never change).
UPDATABLE = ("title", "url", "status", "amount", "currency", "occurred_at", "attributes")
ROWS_PER_STATEMENT = 500  # 12 parameters a row: far below PostgreSQL's 32,767 per statement


def latest_per_key(items: Sequence[ItemIn]) -> list[ItemIn]:
    """One item per natural key, the latest: one ``INSERT ... ON CONFLICT DO UPDATE`` must not touch
    a row twice ("command cannot affect row a second time"), and a shifted page repeats items."""
    raise NotImplementedError("TODO: by key, keep the latest source_updated_at")


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        raise NotImplementedError("TODO: keep the session")

    async def upsert_many(self, items: Sequence[ItemIn]) -> UpsertCounts:
        """Insert new records; update those that changed unless the stored one is newer; count each
        (rows the ``ON CONFLICT ... WHERE`` skips are not returned; ``xmax = 0``: inserted)."""
        raise NotImplementedError("TODO: dedupe; INSERT ON CONFLICT DO UPDATE WHERE; count")

    async def page(
        self, *, source: SourceName | None, kind: ItemKind | None, limit: int,
        after: tuple[datetime, int] | None,
    ) -> list[Item]:  # fmt: skip
        """Up to ``limit`` items, newest first (``occurred_at``, then ``id``), after the cursor."""
        raise NotImplementedError("TODO: filters, keyset (occurred_at, id) <, order, limit")

    async def get(self, item_id: int) -> Item | None:
        raise NotImplementedError("TODO: by primary key")
