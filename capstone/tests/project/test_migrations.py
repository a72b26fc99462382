"""The migrations build exactly what the models describe, and undo it (round trip)."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from testkit.db import async_url

from .alembic_helpers import check, migrate


async def tables(url: str) -> set[str]:
    engine = create_async_engine(async_url(url))
    try:
        async with engine.connect() as conn:
            query = text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            return set((await conn.execute(query)).scalars())
    finally:
        await engine.dispose()


async def test_upgrade_matches_the_models_and_downgrade_undoes_it(fresh_url: str) -> None:
    await migrate(fresh_url, "upgrade", "head")
    await check(fresh_url)  # autogenerate finds no difference between models and database
    assert {"organisations", "memberships", "tasks", "audit_events"} <= await tables(fresh_url)
    await migrate(fresh_url, "downgrade", "base")
    assert await tables(fresh_url) == {"alembic_version"}
    await migrate(fresh_url, "upgrade", "head")
    await check(fresh_url)
