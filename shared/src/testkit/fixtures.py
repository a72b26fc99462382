"""The testkit's pytest fixtures. Heavy libraries are imported inside the fixtures, so a test
session pays for SQLAlchemy, uvicorn or the servers only when a test asks for them.

- ``postgres_url`` (session): URL of a fresh, empty database on a real PostgreSQL server.
- ``redis_url`` (session): URL of an empty database on a real Redis server.
- ``redis_server``: a throwaway Redis of this test's own that the test may ``stop()``,
  ``start()``, ``pause()`` and ``resume()`` (outages, see ``ThrowawayRedis``); ``.url()``.
- ``reused_redis_server``: the same for tests that need no process of their own: one throwaway
  server for the session (``session_redis_server``), running and empty again for each test.
- ``db_engine`` (session): an ``AsyncEngine`` on ``postgres_url``. A week builds its schema by
  overriding it: ``async def db_engine(db_engine): <run migrations>; return db_engine``.
- ``db_connection``: a connection inside a transaction that is rolled back after the test.
- ``db_session``: an ``AsyncSession`` on that connection. App code may ``commit()``: with
  ``join_transaction_mode="create_savepoint"`` a commit only releases a savepoint, and the outer
  rollback still removes everything the test wrote.
- ``asgi_client``: ``client = await asgi_client(app)``, an ``httpx.AsyncClient`` calling the app
  in-process after its lifespan start-up; shutdown runs when the test ends.
- ``live_server``: ``server = live_server(app)`` serves the app with uvicorn on a free 127.0.0.1
  port in a background thread (WebSockets, real clients, load tests); ``server.url``.
- ``celery_worker``: ``worker = celery_worker("pkg.module:app", broker_url, env={...})`` starts
  a real ``celery worker`` process (see ``testkit.celery_worker.CeleryWorker``: ``kill()``,
  ``terminate()``, ``restart()``, ``log()``); every worker's process group is killed at teardown,
  also when the test failed.
- ``smtp_server``: a real SMTP server (aiosmtpd) on a free 127.0.0.1 port that records messages
  and can be ``stop()``-ped and ``start()``-ed (see ``testkit.smtp.SmtpServer``).
- ``s3_server`` (session): an S3-compatible server (moto) on a free 127.0.0.1 port
  (see ``testkit.s3.S3Server``: ``.endpoint_url``, ``client()``, ``create_bucket()``).
- ``hostile_budget`` (session): how hard ``testkit.hostile`` pushes; the long version with ``--deep``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlsplit, urlunsplit

import pytest
import pytest_asyncio

from testkit.services.errors import SKIP_PREFIX, ServiceUnavailable

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

    from testkit.celery_worker import CeleryWorker
    from testkit.hostile.budget import Budget
    from testkit.http import ASGIApp, ClientFactory, LiveServer
    from testkit.s3 import S3Server
    from testkit.services.redis import ThrowawayRedis
    from testkit.smtp import SmtpServer


def unavailable(request: pytest.FixtureRequest, exc: ServiceUnavailable) -> NoReturn:
    """Skip (with ``--services=skip``) or fail loudly with the how-to-fix message."""
    if request.config.getoption("services") == "skip":
        pytest.skip(f"{SKIP_PREFIX}: {exc}")
    raise exc


@pytest.fixture(scope="session")
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """With TEST_DATABASE_URL (or DATABASE_URL) set, a new database on that server, dropped at the
    end; otherwise a database on a throwaway server, removed with it."""
    from testkit.services.postgres import ThrowawayPostgres, create_database, drop_database

    server_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    throwaway: ThrowawayPostgres | None = None
    try:
        if not server_url:
            throwaway = ThrowawayPostgres()
            server_url = throwaway.url()
        url = create_database(server_url)
    except ServiceUnavailable as exc:
        if throwaway:
            throwaway.close()
        unavailable(request, exc)
    try:
        yield url
    finally:
        if throwaway:
            throwaway.close()
        else:
            drop_database(url)


def redis_test_db() -> int:
    return int(os.environ.get("TESTKIT_REDIS_DB", "15"))


@pytest.fixture(scope="session")
def redis_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """With REDIS_URL set, only its test DB index (TESTKIT_REDIS_DB, default 15), flushed before and
    after; otherwise a throwaway redis-server."""
    import redis

    from testkit.services.redis import ThrowawayRedis

    if env := os.environ.get("REDIS_URL"):
        url = urlunsplit(urlsplit(env)._replace(path=f"/{redis_test_db()}"))
        client = redis.Redis.from_url(url)
        try:
            client.flushdb()
        except redis.RedisError as exc:
            unavailable(request, ServiceUnavailable(f"Redis at REDIS_URL is not reachable: {exc}"))
        try:
            yield url
        finally:
            client.flushdb()
            client.close()
        return
    try:
        server = ThrowawayRedis()
    except ServiceUnavailable as exc:
        unavailable(request, exc)
    try:
        yield server.url()
    finally:
        server.close()


def _throwaway_redis(request: pytest.FixtureRequest) -> Iterator[ThrowawayRedis]:
    """Always a server of its own, never REDIS_URL's: a shared server must not be stopped."""
    from testkit.services.redis import ThrowawayRedis

    try:
        server = ThrowawayRedis()
    except ServiceUnavailable as exc:
        unavailable(request, exc)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def redis_server(request: pytest.FixtureRequest) -> Iterator[ThrowawayRedis]:
    """A server of this test's own (see ``_throwaway_redis``)."""
    yield from _throwaway_redis(request)


@pytest.fixture(scope="session")
def session_redis_server(request: pytest.FixtureRequest) -> Iterator[ThrowawayRedis]:
    """One throwaway server for the session, for ``reused_redis_server`` to hand out."""
    yield from _throwaway_redis(request)


@pytest.fixture
def reused_redis_server(session_redis_server: ThrowawayRedis) -> ThrowawayRedis:
    """``redis_server`` for the price of a few commands: the session's throwaway server, running,
    thawed and empty (``FLUSHALL``, ``CONFIG RESETSTAT``), which the test may stop, start, pause
    and resume as it likes. Starting and stopping a server of its own costs each test about a
    quarter of a second. What a reset does not undo: ``CONFIG SET`` and other tests' connections
    still open; a test that changes the configuration or counts clients takes ``redis_server``."""
    import redis

    server = session_redis_server
    server.resume()  # a test that ended while it was paused
    server.start()  # or stopped: no-op while it runs
    with redis.Redis.from_url(server.url(), socket_timeout=5) as client:
        client.flushall()
        client.config_resetstat()
    return server


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    from sqlalchemy.ext.asyncio import create_async_engine

    from testkit.db import async_url

    engine = create_async_engine(async_url(postgres_url), pool_size=5, max_overflow=10)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest_asyncio.fixture(loop_scope="session")
async def db_connection(db_engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with db_engine.connect() as conn:
        transaction = await conn.begin()
        try:
            yield conn
        finally:
            if transaction.is_active:
                await transaction.rollback()


@pytest_asyncio.fixture(loop_scope="session")
async def db_session(db_connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    from sqlalchemy.ext.asyncio import AsyncSession

    session = AsyncSession(
        bind=db_connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        await session.close()


@pytest_asyncio.fixture(loop_scope="session")
async def asgi_client() -> AsyncIterator[ClientFactory]:
    from testkit.http import open_asgi_client

    async with AsyncExitStack() as stack:

        async def make(app: ASGIApp, **kwargs: Any) -> httpx.AsyncClient:
            return await stack.enter_async_context(open_asgi_client(app, **kwargs))

        yield make


@pytest.fixture
def live_server() -> Iterator[Callable[..., LiveServer]]:
    from testkit.http import LiveServer

    servers: list[LiveServer] = []

    def serve(app: ASGIApp, **config: Any) -> LiveServer:
        server = LiveServer(app, **config).start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


@pytest.fixture
def celery_worker(request: pytest.FixtureRequest) -> Iterator[Callable[..., CeleryWorker]]:
    from testkit.celery_worker import CeleryWorker

    workers: list[CeleryWorker] = []

    def start(app: str, broker_url: str, **options: Any) -> CeleryWorker:
        worker = CeleryWorker(app, broker_url, **options)
        workers.append(worker)
        try:
            return worker.start()
        except ServiceUnavailable as exc:
            unavailable(request, exc)

    try:
        yield start
    finally:
        for worker in workers:
            worker.close()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    from testkit.smtp import SmtpServer

    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    from testkit.s3 import S3Server

    with S3Server() as server:
        yield server


@pytest.fixture(scope="session")
def hostile_budget(request: pytest.FixtureRequest) -> Budget:
    from testkit.hostile.budget import Budget

    return Budget.choose(deep=request.config.getoption("deep"))
