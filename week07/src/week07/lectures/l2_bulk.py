"""L2: bulk operations, SQLAlchemy 2.0 style.

Adding 5,000 objects one ``session.add`` + ``flush`` at a time is 5,000 round trips. SQLAlchemy
2.0 has three better tools, from most to least ORM:

- ``session.add_all(objects)``: the unit of work inserts them at flush in batches ("insertmanyvalues":
  one multi-row ``INSERT ... VALUES (...), (...) RETURNING id`` per 1,000 rows) and every object
  gets its id, defaults and a place in the identity map. Use it for hundreds of rows you will keep
  working with.
- ``session.execute(insert(Model), list_of_dicts)``: an ORM bulk INSERT from plain dicts; no
  objects are built. ``insert(Model).returning(Model.id)`` gives the new ids back.
  Use it for thousands of rows (imports, seeding).
- ``session.execute(update(Model), list_of_dicts)``: an ORM bulk UPDATE *by primary key*: each
  dict holds the primary key and the columns to set; one executemany.

Legacy: ``session.bulk_save_objects()`` and ``bulk_insert_mappings()`` (SQLAlchemy 1.x) still
exist on the sync ``Session`` for old code; the 2.0 docs call them legacy and point to the forms
above. ``AsyncSession`` does not even offer them (reach them with ``run_sync``).

Run: ``uv run python -m week07.lectures.l2_bulk``
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, String, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from testkit.db import count_queries
from week07.lectures.demo_db import demo_database, scratch_engine


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    sku: Mapped[str] = mapped_column(String(20), unique=True)
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))


def rows(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [{"sku": f"SKU-{i:05d}", "price": Decimal(i % 100) + Decimal("0.99")}
            for i in range(start, start + n)]  # fmt: skip


async def create_products(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)


async def bulk_insert(session: AsyncSession, data: list[dict[str, Any]]) -> None:
    """INSERT from dicts, no objects: one executemany."""
    await session.execute(insert(Product), data)


async def bulk_insert_returning(session: AsyncSession, data: list[dict[str, Any]]) -> list[int]:
    """The same, and the new ids back (in the order of ``data``)."""
    ids = await session.scalars(
        insert(Product).returning(Product.id, sort_by_parameter_order=True), data
    )
    return list(ids)


async def bulk_update(session: AsyncSession, changes: list[dict[str, Any]]) -> None:
    """UPDATE by primary key: every dict holds ``id`` and the columns to set."""
    await session.execute(update(Product), changes)


async def add_all(session: AsyncSession, data: list[dict[str, Any]]) -> list[Product]:
    """ORM-managed: objects with ids, in the identity map, after one flush."""
    products = [Product(**row) for row in data]
    session.add_all(products)
    await session.flush()
    return products


async def legacy_bulk(session: AsyncSession, data: list[dict[str, Any]]) -> None:
    """The 1.x APIs, for recognition: sync Session methods, reached here through run_sync."""

    def work(sync_session: Session) -> None:
        half = len(data) // 2
        sync_session.bulk_insert_mappings(Product, data[:half])
        sync_session.bulk_save_objects([Product(**row) for row in data[half:]])

    await session.run_sync(work)


async def count_products(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Product)) or 0)


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await create_products(engine)
        async with AsyncSession(engine) as session:
            with count_queries(engine) as counted:
                await bulk_insert(session, rows(5_000))
            print(f"insert(Product), 5,000 dicts: {counted.count} statement (executemany)")
            with count_queries(engine) as counted:
                ids = await bulk_insert_returning(session, rows(2_500, start=5_000))
            print(f"... .returning(id), 2,500 dicts: {counted.count} statements, ids {ids[0]}..")
            changes = [{"id": i, "price": Decimal("1.00")} for i in range(1, 1_001)]
            with count_queries(engine) as counted:
                await bulk_update(session, changes)
            print(f"update(Product) by primary key, 1,000 rows: {counted.count} statement")
            with count_queries(engine) as counted:
                products = await add_all(session, rows(1_500, start=10_000))
            print(f"add_all 1,500 objects: {counted.count} statements, ids {products[0].id}..")
            await legacy_bulk(session, rows(100, start=20_000))
            print("products now:", await count_products(session))
            await session.commit()


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
