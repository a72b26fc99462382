"""Lecture fixtures: each test module gets a schema of its own on the session's PostgreSQL
(``scratch_engine``), dropped when the module's tests are done."""

from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine
from week07.lectures.demo_db import scratch_engine


@pytest_asyncio.fixture(loop_scope="session")
async def scratch(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on an empty schema of the test's own."""
    async with scratch_engine(postgres_url) as engine:
        yield engine
