"""The migrations build exactly what the models describe, and undo it (round trip)."""

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from testkit import impl_module
from testkit.db import async_url

from .alembic_helpers import check, differences, migrate

# Every task's models are written from the ER diagram and the migrations; they match them when the
# last ones (task 13's) are done.
pytestmark = pytest.mark.task(13)
models = impl_module("capstone", "models")


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
    await check(fresh_url)  # `alembic check`: env.py's models (the solution's) match the database
    assert await differences(fresh_url, models.Base.metadata) == []  # ... and so do the ones tested
    assert {"organisations", "memberships", "tasks", "audit_events"} <= await tables(fresh_url)
    await migrate(fresh_url, "downgrade", "base")
    assert await tables(fresh_url) == {"alembic_version"}
    await migrate(fresh_url, "upgrade", "head")
    await check(fresh_url)
