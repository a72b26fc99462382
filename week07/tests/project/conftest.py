"""Fixtures of the project tests.

The schema is built ONCE per session by the real migrations (``alembic upgrade head``), never by
``metadata.create_all``: the tests then also prove that the migrations build what the models need.
Every test runs inside a transaction that is rolled back at its end (testkit ``db_connection``);
the app's sessions join it with savepoints, so the app's own ``commit()`` runs for real and still
leaves nothing behind.
"""

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory, LiveServer
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


def with_test_sessions(app: Any, sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    """``app`` with its requests' sessions on the test's connection (the rest of the app is real:
    ``get_session`` still opens, commits and rolls back one session per request)."""
    dependencies = impl_module("week07", "dependencies")

    async def test_sessionmaker() -> async_sessionmaker[AsyncSession]:
        return sessionmaker

    app.dependency_overrides[dependencies.get_sessionmaker] = test_sessionmaker
    return app


@pytest.fixture(scope="session")
def shared_app() -> Any:
    """One app for every test that only sends requests: building an app (its routes, their
    validators) costs more than most tests, so the clients share one."""
    return impl_module("week07", "main").create_app(cursor_secret=SECRET)


@pytest.fixture
def app(sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    """An app of the test's own, for tests that add routes to it."""
    return with_test_sessions(
        impl_module("week07", "main").create_app(cursor_secret=SECRET), sessionmaker
    )


@pytest.fixture
def requests_app(shared_app: Any, sessionmaker: async_sessionmaker[AsyncSession]) -> Iterator[Any]:
    """The shared app, on this test's connection until the test ends."""
    yield with_test_sessions(shared_app, sessionmaker)
    shared_app.dependency_overrides.clear()


@pytest.fixture
async def client(requests_app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A v1 client: week 3's tests send "/tasks" and httpx joins it onto /api/v1."""
    return await asgi_client(requests_app, base_url="http://testserver/api/v1")


@pytest.fixture
async def v2(requests_app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(requests_app, base_url="http://testserver/api/v2")


@dataclass(frozen=True)
class Live:
    """The app served by uvicorn on a database of its own (``database_url``, migrated)."""

    server: LiveServer
    database_url: str

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, path: str = "") -> httpx.AsyncClient:
        """A client of ``url + path``, a new connection per request: after a 500 a server may
        close its connection, and the next request on it would fail for that, not for itself."""
        no_reuse = httpx.Limits(max_keepalive_connections=0)
        return httpx.AsyncClient(base_url=f"{self.url}{path}", limits=no_reuse)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def live(postgres_url: str) -> AsyncIterator[Live]:
    """For tests that need real concurrency: every request its own connection and transaction,
    really committed (the per-test rollback above runs every request on ONE connection)."""
    url = create_database(postgres_url, prefix="live")
    try:
        await migrate(url, "upgrade", "head")
        app = impl_module("week07", "main").create_app(url, cursor_secret=SECRET)
        server = LiveServer(app).start()
        try:
            yield Live(server, url)
        finally:
            server.stop()
    finally:
        drop_database(url)
