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
    # BEGIN SOLUTION by key, keep the latest source_updated_at
    latest: dict[tuple[str, str, str], ItemIn] = {}
    for item in items:
        kept = latest.get(item.key)
        if kept is None or item.source_updated_at >= kept.source_updated_at:
            latest[item.key] = item
    return list(latest.values())
    # END SOLUTION


class ItemRepository:
    def __init__(self, session: AsyncSession) -> None:
        # BEGIN SOLUTION keep the session
        self.session = session
        # END SOLUTION

    async def upsert_many(self, items: Sequence[ItemIn]) -> UpsertCounts:
        """Insert new records; update those that changed unless the stored one is newer; count each
        (rows the ``ON CONFLICT ... WHERE`` skips are not returned; ``xmax = 0``: inserted)."""
        # BEGIN SOLUTION dedupe; INSERT ON CONFLICT DO UPDATE WHERE; count
        counts = UpsertCounts()
        unique = latest_per_key(items)
        counts.unchanged = len(items) - len(unique)  # repeats of a record in the batch
        for start in range(0, len(unique), ROWS_PER_STATEMENT):
            chunk = unique[start : start + ROWS_PER_STATEMENT]
            rows = [
                {**i.model_dump(), "source": i.source.value, "kind": i.kind.value} for i in chunk
            ]
            values = insert(Item).values(rows)
            new = values.excluded
            changed = tuple_(*(getattr(Item, c) for c in UPDATABLE)).is_distinct_from(
                tuple_(*(new[c] for c in UPDATABLE))
            )
            upsert = values.on_conflict_do_update(
                constraint="uq_items_source_kind_external_id",
                set_={**{c: new[c] for c in UPDATABLE},
                      "source_updated_at": new.source_updated_at, "synced_at": func.now()},
                where=and_(Item.source_updated_at <= new.source_updated_at, changed),
            )  # fmt: skip
            # xmax is 0 on a freshly inserted row version, the updating transaction's id otherwise.
            rows_back: Result[Any] = await self.session.execute(
                upsert.returning(literal_column("xmax = 0").label("inserted"))
            )
            inserted = [bool(row.inserted) for row in rows_back]
            counts.inserted += sum(inserted)
            counts.updated += len(inserted) - sum(inserted)
            counts.unchanged += len(chunk) - len(inserted)
        return counts
        # END SOLUTION

    async def page(
        self, *, source: SourceName | None, kind: ItemKind | None, limit: int,
        after: tuple[datetime, int] | None,
    ) -> list[Item]:  # fmt: skip
        """Up to ``limit`` items, newest first (``occurred_at``, then ``id``), after the cursor."""
        # BEGIN SOLUTION filters, keyset (occurred_at, id) <, order, limit
        stmt = select(Item).order_by(Item.occurred_at.desc(), Item.id.desc()).limit(limit)
        if source is not None:
            stmt = stmt.where(Item.source == source.value)
        if kind is not None:
            stmt = stmt.where(Item.kind == kind.value)
        if after is not None:
            stmt = stmt.where(tuple_(Item.occurred_at, Item.id) < tuple_(*after))
        return list(await self.session.scalars(stmt))
        # END SOLUTION

    async def get(self, item_id: int) -> Item | None:
        # BEGIN SOLUTION by primary key
        return await self.session.get(Item, item_id)
        # END SOLUTION
