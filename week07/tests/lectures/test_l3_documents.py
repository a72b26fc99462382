from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from week07.lectures import l3_documents as lecture


@pytest_asyncio.fixture(loop_scope="session")
async def conn(scratch: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    await lecture.setup(scratch)
    async with scratch.connect() as conn:
        yield conn


async def test_containment_finds_documents_of_any_shape(conn: AsyncConnection) -> None:
    assert await lecture.find(conn, {"type": "laptop"}) == ["LP-1", "LP-2"]
    assert await lecture.find(conn, {"sizes": ["M"]}) == ["TS-1"]
    assert await lecture.find(conn, {"specs": {"ram_gb": 16}}) == ["LP-2"]


async def test_containment_uses_the_gin_index(conn: AsyncConnection) -> None:
    assert await lecture.contains_plan_indexes(conn, {"type": "laptop"}) == {"ix_products_body"}


async def test_paths_and_casts(conn: AsyncConnection) -> None:
    assert await lecture.laptops_with_ram(conn, 16) == [("Dev laptop", 32), ("Travel laptop", 16)]


async def test_jsonb_set_changes_one_field(conn: AsyncConnection) -> None:
    body = await lecture.set_price(conn, "TS-1", 17)
    assert body == {"type": "shirt", "name": "Logo tee", "sizes": ["S", "M", "L"], "price": 17}
