"""Where the lecture demos that need PostgreSQL run: a schema of their own, dropped at the end.

``scratch_engine(url)`` creates a fresh schema (committed), hands out an engine whose every
connection has that schema first on its ``search_path``, and drops the schema with everything in
it when the demo ends. Run against your development database, a demo leaves nothing behind.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from sqlalchemy import NullPool, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from testkit.db import async_url


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


@asynccontextmanager
async def scratch_engine(url: str, **engine_options: Any) -> AsyncIterator[AsyncEngine]:
    """An engine whose connections all work in a new schema; ``engine_options`` go to
    ``create_async_engine`` (pool sizes, ``echo``...)."""
    schema = f"lecture_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(async_url(url), poolclass=NullPool)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    # server_settings: asyncpg sends them when it connects, so every pooled connection has them.
    engine = create_async_engine(
        async_url(url), connect_args={"server_settings": {"search_path": schema}}, **engine_options
    )
    try:
        yield engine
    finally:
        await engine.dispose()
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()
