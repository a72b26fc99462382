"""Fixtures for your own tests: a real PostgreSQL database (started by the testkit) migrated to
``head``, the app of the implementation under test, and people who sign up through the API.

Every test runs inside a transaction that is rolled back at its end: what one test writes, the
next one never sees, even though the app's ``get_session`` really commits (a commit releases a
savepoint inside that transaction).

Your tests run against your starter, the reference solution and copies of the solution with bugs
planted in them (``make check-week 13`` counts the bugs your tests catch). So reach the code under
test through the API or ``impl_module``, never ``capstone.starter`` or ``capstone.solution``.
"""

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from testkit import impl_module
from testkit.http import ClientFactory

from ..project.alembic_helpers import migrate

PASSWORD = "correct horse battery staple"  # noqa: S105 - the test users' password
SECRET = b"student-tests-secret-not-for-production"
Headers = dict[str, str]
_numbers = itertools.count(1)


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(db_engine: AsyncEngine, postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """The testkit's engine, on a database the migrations have brought to ``head``."""
    await migrate(postgres_url, "upgrade", "head")
    yield db_engine


@pytest.fixture
def app(db_connection: AsyncConnection) -> Any:
    """The app, its requests' sessions on the test's connection (``get_session`` still commits).
    Passwords are hashed with cheap Argon2 parameters: tests sign up many people."""
    settings = impl_module("capstone", "settings")
    cheap = settings.PasswordCost(time_cost=1, memory_kib=1024, parallelism=1)
    app = impl_module("capstone", "main").create_app(
        settings=settings.Settings(jwt_secret=SECRET, cursor_secret=SECRET, password_cost=cheap)
    )
    sessionmaker = async_sessionmaker(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )

    async def test_sessionmaker() -> async_sessionmaker[AsyncSession]:
        return sessionmaker

    app.dependency_overrides[impl_module("capstone", "dependencies").get_sessionmaker] = (
        test_sessionmaker
    )
    return app


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A client of ``/api/v1``: ``await client.get("/orgs", headers=alice)``."""
    return await asgi_client(app, base_url="http://testserver/api/v1")


@pytest.fixture
def sign_up(client: httpx.AsyncClient) -> Callable[[str], Awaitable[Headers]]:
    """``alice = await sign_up("alice")``: registers and logs in a new person; returns the
    headers that authenticate them."""

    async def sign_up(name: str) -> Headers:
        body = {"email": f"{name}-{next(_numbers)}@example.com", "password": PASSWORD}
        registered = await client.post("/auth/register", json=body)
        assert registered.status_code == 201, registered.text
        tokens = (await client.post("/auth/login", json=body)).json()
        return {"Authorization": f"Bearer {tokens['access_token']}"}

    return sign_up
