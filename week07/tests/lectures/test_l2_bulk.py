from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from week07.lectures import l2_bulk as lecture

from testkit.db import count_queries


async def test_bulk_insert_is_one_executemany(scratch: AsyncEngine) -> None:
    await lecture.create_products(scratch)
    async with AsyncSession(scratch) as session:
        with count_queries(scratch) as counted:
            await lecture.bulk_insert(session, lecture.rows(3_000))
        assert counted.count == 1
        assert await lecture.count_products(session) == 3_000


async def test_bulk_insert_returning_gives_ids_in_order(scratch: AsyncEngine) -> None:
    await lecture.create_products(scratch)
    async with AsyncSession(scratch) as session:
        with count_queries(scratch) as counted:
            ids = await lecture.bulk_insert_returning(session, lecture.rows(2_500))
        # insertmanyvalues: one multi-row INSERT ... RETURNING per 1,000 rows.
        assert counted.count == 3
        skus = await session.execute(select(lecture.Product.id, lecture.Product.sku))
        by_id = {row.id: row.sku for row in skus}
        assert [by_id[i] for i in ids[:2]] == ["SKU-00000", "SKU-00001"]


async def test_bulk_update_by_primary_key(scratch: AsyncEngine) -> None:
    await lecture.create_products(scratch)
    async with AsyncSession(scratch) as session:
        ids = await lecture.bulk_insert_returning(session, lecture.rows(10))
        with count_queries(scratch) as counted:
            await lecture.bulk_update(
                session, [{"id": i, "price": Decimal("0.50")} for i in ids[:4]]
            )
        assert counted.count == 1
        prices = await session.scalars(select(lecture.Product.price).order_by(lecture.Product.id))
        assert list(prices)[:5] == [Decimal("0.50")] * 4 + [Decimal("4.99")]


async def test_add_all_gives_objects_with_ids_in_batches(scratch: AsyncEngine) -> None:
    await lecture.create_products(scratch)
    async with AsyncSession(scratch) as session:
        with count_queries(scratch) as counted:
            products = await lecture.add_all(session, lecture.rows(1_500))
        assert counted.count == 2
        assert all(product.id is not None for product in products)
        assert session.identity_map  # the objects are tracked by the session


async def test_legacy_bulk_apis_still_insert(scratch: AsyncEngine) -> None:
    await lecture.create_products(scratch)
    async with AsyncSession(scratch) as session:
        await lecture.legacy_bulk(session, lecture.rows(40))
        assert await lecture.count_products(session) == 40
