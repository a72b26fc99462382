"""Lecture fixtures: every test works in a schema of its own, inside a rolled-back transaction."""

import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection
from week06.lectures.demo_db import use_scratch_schema


@pytest_asyncio.fixture(loop_scope="session")
async def conn(db_connection: AsyncConnection) -> AsyncConnection:
    await use_scratch_schema(db_connection)
    return db_connection
