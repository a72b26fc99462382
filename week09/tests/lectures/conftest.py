"""Lecture fixtures: a schema of the test's own on the session's PostgreSQL (``scratch``)."""

from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncEngine
from week09.lectures.demo_db import scratch_engine


@pytest_asyncio.fixture(loop_scope="session")
async def scratch(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on an empty schema of the test's own."""
    async with scratch_engine(postgres_url) as engine:
        yield engine
