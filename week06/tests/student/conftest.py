"""Fixtures for your own tests: a real PostgreSQL database (started by the testkit) migrated to
``head``, a session on it, and a client of the app of the implementation under test.

Every test runs inside a transaction that is rolled back at its end: what one test writes, the
next one never sees, even though the app's ``get_session`` really commits (a commit releases a
savepoint inside that transaction).

Your tests run against your starter, the reference solution and copies of the solution with bugs
planted in them (``make check-week 6`` counts the bugs your tests catch). So import the code under
test with ``impl_module``, never ``week06.starter`` or ``week06.solution`` directly.
"""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory

from ..project.alembic_helpers import migrate


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(db_engine: AsyncEngine, postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """The testkit's engine, on a database your migrations have brought to ``head``."""
    await migrate(postgres_url, "upgrade", "head")  # the project's helper: `alembic upgrade head`
    yield db_engine


@pytest.fixture
def sessionmaker(db_connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    """Sessions on the test's connection: ``commit()`` releases a savepoint, nothing more."""
    return async_sessionmaker(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for repository tests: ``impl_module("week06", "tags.repository")...(session)``."""
    async with sessionmaker() as session:
        yield session


@pytest.fixture
def app(sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    """The app, its requests' sessions on the test's connection (``get_session`` still commits)."""
    app = impl_module("week06", "main").create_app(cursor_secret=b"student-tests")

    async def test_sessionmaker() -> async_sessionmaker[AsyncSession]:
        return sessionmaker

    app.dependency_overrides[impl_module("week06", "dependencies").get_sessionmaker] = (
        test_sessionmaker
    )
    return app


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A client of ``/api/v1``: ``await client.post("/tags", json=...)``."""
    return await asgi_client(app, base_url="http://testserver/api/v1")
