"""The database layer's shared pieces: the declarative base, the engine and the session factory.

``Base.metadata`` carries a naming convention, so every constraint gets a predictable name
(``fk_tasks_project_id_projects``): ``db_errors.py`` recognises constraints by name, and Alembic
needs the names to alter them later.
"""

import os
import re
from datetime import datetime

from sqlalchemy import DateTime, MetaData, func
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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


def created_at_column() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


def async_database_url(url: str) -> str:
    """Any PostgreSQL URL (``postgres://``, ``postgresql+psycopg://``) -> the asyncpg driver."""
    return re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql+asyncpg://", url)


def database_url() -> str:
    """``DATABASE_URL`` from the environment, else the development database."""
    return async_database_url(os.environ.get("DATABASE_URL") or DEV_DATABASE_URL)


# A database that is down must fail a request fast (a 503, ``problems.py``), not hold it: a new
# connection gives up after CONNECT_TIMEOUT, a request waiting for a busy pool after POOL_TIMEOUT
# (SQLAlchemy's default is 30 s, asyncpg's 60 s). ``pool_pre_ping`` tests a pooled connection
# before handing it out, so the first requests after a restart get fresh ones, not dead ones.
CONNECT_TIMEOUT = 2.0  # seconds
POOL_TIMEOUT = 10.0  # seconds: under overload requests queue for a connection; a dead database
# fails at connect (CONNECT_TIMEOUT), so an outage is not this slow


def make_engine(url: str) -> AsyncEngine:
    return create_async_engine(
        async_database_url(url),
        pool_size=10,
        pool_pre_ping=True,
        pool_timeout=POOL_TIMEOUT,
        connect_args={"timeout": CONNECT_TIMEOUT},
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
