"""Fixtures of the project tests.

The schema is built ONCE per session by the real migrations (``alembic upgrade head``), never by
``metadata.create_all``: the tests then also prove that the migrations build what the models need.
Every test runs inside a transaction that is rolled back at its end (testkit ``db_connection``);
the app's sessions join it with savepoints, so the app's own ``commit()`` runs for real and still
leaves nothing behind.
"""

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory
from testkit.services.postgres import create_database, drop_database

from .alembic_helpers import migrate

SECRET = b"test-secret-do-not-use-in-production"


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(db_engine: AsyncEngine, postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """The testkit's engine, on a database the migrations have brought to ``head``."""
    await migrate(postgres_url, "upgrade", "head")
    yield db_engine


@pytest.fixture
def fresh_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards), for tests that commit."""
    url = create_database(postgres_url, prefix="fresh")
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture
def sessionmaker(db_connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions on the test's connection: a ``commit()`` releases a savepoint, nothing more."""
    return async_sessionmaker(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
def app(sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    """The app, its requests' sessions on the test's connection (the rest of the app is real:
    ``get_session`` still opens, commits and rolls back one session per request)."""
    app = impl_module("week09", "main").create_app(cursor_secret=SECRET)
    dependencies = impl_module("week09", "dependencies")

    async def test_sessionmaker() -> async_sessionmaker[AsyncSession]:
        return sessionmaker

    app.dependency_overrides[dependencies.get_sessionmaker] = test_sessionmaker
    return app


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A v1 client: week 3's tests send "/tasks" and httpx joins it onto /api/v1."""
    return await asgi_client(app, base_url="http://testserver/api/v1")


@pytest.fixture
async def v2(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(app, base_url="http://testserver/api/v2")
