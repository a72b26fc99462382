"""The database layer's shared pieces: the declarative base, the engine and the session factory.

Every model inherits ``Base``; its ``metadata`` carries a naming convention, so every constraint and
index gets a predictable name (``fk_tasks_category_id_categories``). Alembic needs those names to
drop or alter a constraint later, and autogenerate compares them to find drift.
"""

import os
import re

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

# The development database of `make services-up` (on port DEV_PG_PORT, 54329 unless moved); set
# DATABASE_URL to use another one.
DEV_DATABASE_URL = (
    f"postgresql://postgres@127.0.0.1:{os.environ.get('DEV_PG_PORT', '54329')}/course"
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def async_database_url(url: str) -> str:
    """Any PostgreSQL URL (``postgres://``, ``postgresql+psycopg://``) -> the asyncpg driver."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql+asyncpg://", url)


def database_url() -> str:
    """``DATABASE_URL`` from the environment (the twelve-factor way), else the development one."""
    return async_database_url(os.environ.get("DATABASE_URL") or DEV_DATABASE_URL)


def make_engine(url: str) -> AsyncEngine:
    # pool_pre_ping: a connection the server closed (restart, idle timeout) is replaced, not used.
    return create_async_engine(async_database_url(url), pool_size=10, pool_pre_ping=True)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: objects stay readable after the commit (the response is built from
    # them); without it every attribute access after commit would be a new query (or an error).
    return async_sessionmaker(engine, expire_on_commit=False)
