"""Where the lecture demos run: a connection in a transaction, in a schema of its own.

``scratch_connection(url)`` opens a connection, begins a transaction, creates a fresh schema and
puts it first on the ``search_path``; at the end everything is rolled back (PostgreSQL's DDL is
transactional), so a demo can run against your development database and leave nothing behind.
The tests use the same trick on the testkit's ``db_connection``.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, create_async_engine

from week06.solution.db import async_database_url


@contextmanager
def demo_database() -> Iterator[str]:
    """``DATABASE_URL`` if set (``make services-up`` prints one), else a throwaway local server."""
    if url := os.environ.get("DATABASE_URL"):
        yield url
        return
    from testkit.services.postgres import ThrowawayPostgres  # finds the PostgreSQL binaries

    server = ThrowawayPostgres()
    try:
        yield server.url()
    finally:
        server.close()


async def use_scratch_schema(conn: AsyncConnection) -> str:
    """Create a schema inside the connection's transaction and make it the default one."""
    name = f"lecture_{uuid.uuid4().hex[:8]}"
    await conn.execute(text(f'CREATE SCHEMA "{name}"'))
    await conn.execute(text(f'SET LOCAL search_path TO "{name}"'))
    return name


@asynccontextmanager
async def scratch_connection(url: str) -> AsyncIterator[AsyncConnection]:
    engine = create_async_engine(async_database_url(url))
    try:
        async with engine.connect() as conn:
            transaction = await conn.begin()
            await use_scratch_schema(conn)
            try:
                yield conn
            finally:
                await transaction.rollback()
    finally:
        await engine.dispose()


def session_on(conn: AsyncConnection) -> AsyncSession:
    """A session inside the connection's transaction: its ``commit()`` releases a savepoint."""
    return AsyncSession(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)


def run_demo(demo: Callable[[AsyncConnection], Awaitable[None]]) -> None:
    """What each lecture's ``main()`` does: run ``demo`` on a scratch connection, then roll back."""

    async def run(url: str) -> None:
        async with scratch_connection(url) as conn:
            await demo(conn)

    with demo_database() as url:
        asyncio.run(run(url))
