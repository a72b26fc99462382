"""Lecture fixtures: one engine on the session's real PostgreSQL with every lecture table."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from capstone.lectures import l2_audit, l2_isolation, l3_dashboard, l3_search  # noqa: F401
from capstone.lectures.db import Base
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from testkit.db import async_url


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(async_url(postgres_url))
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()
