from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures import l2_multitenancy as lecture


async def test_row_based_tenants_see_only_their_rows(scratch: AsyncEngine) -> None:
    assert await lecture.row_based(scratch) == {1: ["Anvil", "Rocket"], 2: ["Doomsday device"]}


def test_for_tenant_adds_the_filter() -> None:
    sql = str(lecture.for_tenant(select(lecture.Project.name), 7))
    assert "WHERE projects.tenant_id = :tenant_id_1" in sql


async def test_schema_based_tenants_same_sql_different_data(scratch: AsyncEngine) -> None:
    assert await lecture.schema_based(scratch) == {
        "tenant_acme": ["Anvil", "Rocket"],
        "tenant_globex": ["Doomsday device"],
    }


async def test_set_local_search_path_ends_with_the_transaction(scratch: AsyncEngine) -> None:
    async with scratch.connect() as conn:
        before = (await conn.exec_driver_sql("SHOW search_path")).scalar_one()
        await lecture.use_tenant(conn, "tenant_x")
        assert (await conn.exec_driver_sql("SHOW search_path")).scalar_one() == "tenant_x"
        await conn.rollback()
        # A pooled connection does not carry the tenant into the next transaction.
        assert (await conn.exec_driver_sql("SHOW search_path")).scalar_one() == before
