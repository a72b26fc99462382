"""Alembic's environment: how migrations reach the database (async, with asyncpg).

- The URL: ``sqlalchemy.url`` if a caller set it (the tests do), else ``DATABASE_URL``, else the
  development database of ``make services-up``. Any ``postgresql://`` form works: the driver
  becomes asyncpg.
- ``target_metadata`` is the app's ``Base.metadata``: autogenerate and ``alembic check`` compare the
  database with these models.
"""

import asyncio
import os

from alembic import context
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import create_async_engine
from week12.solution.db import DEV_DATABASE_URL, async_database_url
from week12.solution.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_server_default=True,  # autogenerate also notices changed column defaults
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations(url: str) -> None:
    # NullPool: a one-off command needs one connection, not a pool that outlives it.
    engine = create_async_engine(async_database_url(url), poolclass=pool.NullPool)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(run_migrations)
    finally:
        await engine.dispose()


def run_migrations_offline(url: str) -> None:
    """``alembic upgrade head --sql``: write the SQL for a DBA to review instead of running it."""
    context.configure(url=async_database_url(url), target_metadata=target_metadata,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})  # fmt: skip
    with context.begin_transaction():
        context.run_migrations()


url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL") or DEV_DATABASE_URL
if context.is_offline_mode():
    run_migrations_offline(url)
else:
    asyncio.run(run_async_migrations(url))
