"""Fixtures of the project tests.

The schema is built ONCE per session by the real migrations (``alembic upgrade head``), never by
``metadata.create_all``: the tests then also prove that the migrations build what the models need.
Every test runs inside a transaction that is rolled back at its end (testkit ``db_connection``);
the app's sessions join it with savepoints, so the app's own ``commit()`` runs for real and still
leaves nothing behind.

Week 11: the pipeline's tests run a real worker on a database of its own (``world``).

Week 12: the WebSocket tests use real sockets: the app served by uvicorn (``live``, and processes
of their own for the scale-out tests, ``realtime.py``), a ``websockets`` client.

Week 9: the app gets test settings (a signing key made once per session, cheap Argon2 parameters:
the hash's cost is not what these tests are about) and a clock the tests can move. ``client`` and
``v2`` are logged in as a user of their own, so week 7's tests run unchanged as that user. The
users of the fixtures are made without the register and login requests (``SignIn``), which
week 10's ``test_auth_flow.py`` tests.
"""

import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
import redis
from alembic import command
from asgi_lifespan import LifespanManager
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from testkit import impl_module
from testkit.celery_worker import CeleryWorker
from testkit.db import async_url
from testkit.fake_upstream import FakeUpstream
from testkit.http import ClientFactory, LiveServer
from testkit.services.postgres import create_database, drop_database
from testkit.services.redis import ThrowawayRedis
from testkit.smtp import SmtpServer

from .alembic_helpers import alembic_config, migrate
from .factories import PASSWORD, Account, register_and_login
from .fake_github import FakeGitHub
from .pipeline import World, producer

refresh_tokens = impl_module("week12", "auth.repository")

SECRET = b"test-secret-do-not-use-in-production"
FRONT_END = "https://app.task-manager.example"


class MovableClock:
    """The app's clock: real time plus an offset the test moves (``clock.advance(...)``)."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, by: timedelta) -> None:
        self.offset += by


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db_engine(db_engine: AsyncEngine, postgres_url: str) -> AsyncIterator[AsyncEngine]:
    """The testkit's engine, on a database the migrations have brought to ``head``."""
    await migrate(postgres_url, "upgrade", "head")
    yield db_engine


@pytest.fixture(scope="session")
def signing_key() -> str:
    """The app's RSA private key (PEM), made once: key generation takes a while."""
    return str(impl_module("week12", "settings").new_signing_key())


@pytest.fixture(scope="session")
def settings(
    signing_key: str, redis_url: str, github_server: tuple[FakeGitHub, FakeUpstream]
) -> Any:
    """Week 10: the session's Redis and the fake GitHub (short retries, no real waiting)."""
    module = impl_module("week12", "settings")
    redis = impl_module("week12", "caching.redis_client").RedisSettings(url=redis_url)
    github = module.GitHubSettings(url=github_server[1].url, timeout=2.0, max_attempts=1)
    return module.Settings(
        signing_key=signing_key,
        cursor_secret=SECRET,
        cors_origins=(FRONT_END,),
        password_cost=module.PasswordCost(time_cost=1, memory_kib=1024, parallelism=1),
        redis=redis,
        github=github,
        broker_url=redis_url,
        ws_auth_timeout=2.0,  # week 12: the silent-socket test waits this long
    )


@pytest.fixture(scope="session")
def session_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def clock(session_clock: MovableClock) -> Iterator[MovableClock]:
    """The app's clock, back at real time after the test."""
    yield session_clock
    session_clock.offset = timedelta()


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


class CurrentSessionmaker:
    """The shared app's session factory: a session of the running test's sessionmaker."""

    value: async_sessionmaker[AsyncSession] | None = None

    def __call__(self) -> AsyncSession:
        assert self.value is not None, "the app fixture sets it for each test"
        return self.value()


def make_app(settings: Any, clock: MovableClock, sessionmaker: CurrentSessionmaker) -> Any:
    """The app, its requests' sessions on the test's connection (the rest of the app is real:
    ``get_session`` still opens, commits and rolls back one session per request)."""
    main = impl_module("week12", "main")
    return main.create_app(settings=settings, clock=clock, sessionmaker=sessionmaker)


@pytest.fixture(scope="session")
def current_sessionmaker() -> CurrentSessionmaker:
    return CurrentSessionmaker()


@pytest.fixture(scope="session")
def shared_app(
    settings: Any, session_clock: MovableClock, current_sessionmaker: CurrentSessionmaker
) -> Any:
    # One app for the session: building FastAPI's routes is the slowest part of making an app.
    return make_app(settings, session_clock, current_sessionmaker)


@pytest.fixture
def app(
    shared_app: Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    current_sessionmaker: CurrentSessionmaker,
    clock: MovableClock,
    redis_url: str,
) -> Any:
    """The shared app, serving this test's connection, on an empty Redis. Do not add routes to
    it: use ``app_with_routes``."""
    current_sessionmaker.value = sessionmaker
    with redis.Redis.from_url(redis_url) as client:
        client.flushdb()  # every test starts with empty caches
    return shared_app


@pytest.fixture(scope="session")
def routes_app(
    settings: Any, session_clock: MovableClock, current_sessionmaker: CurrentSessionmaker
) -> Any:
    return make_app(settings, session_clock, current_sessionmaker)


@pytest.fixture
def app_with_routes(app: Any, routes_app: Any) -> Any:
    """An app other than ``app``, serving this test's connection on an empty Redis: for tests
    that add routes, each at a path no other test uses (the routes stay). One for the session,
    not one per test: making an app costs more than most tests."""
    return routes_app


def app_with(
    settings: Any, clock: MovableClock, sessions: CurrentSessionmaker, **changes: Any
) -> Any:
    """An app of the test's own, on the test's connection, with ``changes`` to its settings."""
    return make_app(replace(settings, **changes), clock, sessions)


@pytest.fixture
async def anonymous(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    """A client without a token, on /api/v1."""
    return await asgi_client(app, base_url="http://testserver/api/v1")


@pytest.fixture(scope="session")
def password_hash(shared_app: Any) -> str:
    """``PASSWORD`` hashed once, by the app's own hasher: the users below log in with it."""
    return str(shared_app.state.passwords.hash(PASSWORD))


@dataclass(frozen=True)
class SignIn:
    """Makes a user and the tokens of a login without the two requests (register, log in):
    most tests are about something else, and those two requests per test took about a third of
    the week's test time. The row goes straight into ``users``; the tokens are made by the app's
    codec and the refresh token stored by its repository, as a login does (with the same scopes
    and, week 10, the login's ``sid``). Week 10's ``test_auth_flow.py`` tests registering and
    logging in through the API."""

    app: Any
    sessionmaker: async_sessionmaker[AsyncSession]
    password_hash: str

    async def __call__(self, email: str, role: str = "user") -> Account:
        now = self.app.state.clock()
        codec = self.app.state.tokens
        scopes, login = ROLE_SCOPES[role], uuid.uuid4()
        async with self.sessionmaker() as session:
            row = {"email": email, "hash": self.password_hash, "role": role}
            user_id = int(await session.scalar(INSERT_USER, row))
            refresh, claims = codec.refresh_token(user_id, login, scopes, now)
            await refresh_tokens.RefreshTokenRepository(session).add(claims, issued_at=now)
            await session.commit()
        return Account(user_id, email, codec.access_token(user_id, scopes, now, login), refresh)


INSERT_USER = text(
    "INSERT INTO users (email, password_hash, role) VALUES (:email, :hash, :role) RETURNING id"
)
# What a login grants each role when no scope is asked for (the tests' copy of the contract: the
# app's ROLE_SCOPES is the student's to write).
ROLE_SCOPES = {
    "user": frozenset({"tasks:read", "tasks:write"}),
    "admin": frozenset({"tasks:read", "tasks:write", "users:manage"}),
}


@pytest.fixture
def sign_in(app: Any, sessionmaker: async_sessionmaker[AsyncSession], password_hash: str) -> SignIn:
    return SignIn(app, sessionmaker, password_hash)


@pytest.fixture
async def ann(sign_in: SignIn) -> Account:
    """A user with the tokens of a login (password ``PASSWORD``)."""
    return await sign_in("ann@example.com")


@pytest.fixture
async def bob(sign_in: SignIn) -> Account:
    """Another user: the one who must never see Ann's data."""
    return await sign_in("bob@example.com")


@pytest.fixture
async def client(app: Any, asgi_client: ClientFactory, ann: Account) -> httpx.AsyncClient:
    """A v1 client logged in as Ann: week 3's tests send "/tasks" and httpx joins it onto /api/v1."""
    client = await asgi_client(app, base_url="http://testserver/api/v1")
    client.headers["Authorization"] = f"Bearer {ann.access_token}"
    return client


@pytest.fixture
async def v2(app: Any, asgi_client: ClientFactory, ann: Account) -> httpx.AsyncClient:
    client = await asgi_client(app, base_url="http://testserver/api/v2")
    client.headers["Authorization"] = f"Bearer {ann.access_token}"
    return client


@pytest.fixture
async def member(db_connection: AsyncConnection) -> int:
    """The id of a user inserted straight into the table (no hashing, no HTTP): for tests that
    only need a user to exist and make its tokens themselves."""
    insert = text(
        "INSERT INTO users (email, password_hash) VALUES ('member@example.com', '!') RETURNING id"
    )
    return int((await db_connection.execute(insert)).scalar_one())


@pytest.fixture
async def admin(sign_in: SignIn) -> Account:
    """An admin with the tokens of a login."""
    return await sign_in("root@example.com", role="admin")


@pytest.fixture(scope="session")
def github_server() -> Iterator[tuple[FakeGitHub, FakeUpstream]]:
    fake = FakeGitHub()
    with fake.upstream() as upstream:
        yield fake, upstream


class DefaultBearer:
    """ASGI wrapper: a request without ``Authorization`` gets the token set here. The hostile
    suite's clients send none; the suite then attacks every route as that user."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.token: str | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        headers = scope.get("headers", [])
        if (
            scope["type"] == "http"
            and self.token
            and all(k != b"authorization" for k, _ in headers)
        ):
            bearer = (b"authorization", f"Bearer {self.token}".encode())
            scope = {**scope, "headers": [*headers, bearer]}
        await self.app(scope, receive, send)


@dataclass(frozen=True)
class Live:
    """The app served by uvicorn on a database of its own (migrated), and an admin's token."""

    server: LiveServer
    database_url: str
    token: str

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, path: str = "") -> httpx.AsyncClient:
        """A client of ``url + path`` with the admin's token, a new connection per request:
        after a 500 a server may close its connection, and the next request on it would fail
        for that, not for itself."""
        no_reuse = httpx.Limits(max_keepalive_connections=0)
        headers = {"Authorization": f"Bearer {self.token}"}
        # Requests that wait for each other in turn (one idempotency key ten times) take long on a
        # loaded machine: these tests check answers, not latency.
        return httpx.AsyncClient(
            base_url=f"{self.url}{path}", limits=no_reuse, headers=headers, timeout=30
        )


async def live_admin_token(base_url: str, database_url: str) -> str:
    """Register a user on the live app, make it an admin in its database, log it in."""
    form = {"username": "live@example.com", "password": PASSWORD}
    async with httpx.AsyncClient(base_url=f"{base_url}/api/v1") as client:
        registered = await client.post("/auth/register", json={"email": form["username"],
                                                               "password": PASSWORD})  # fmt: skip
        assert registered.status_code == 201, registered.text
        engine = create_async_engine(async_url(database_url))
        try:
            async with engine.begin() as conn:
                await conn.execute(text("UPDATE users SET role = 'admin'"))
        finally:
            await engine.dispose()
        response = await client.post("/auth/token", data=form)
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def live(postgres_url: str, settings: Any) -> AsyncIterator[Live]:
    """For tests that need real concurrency: every request its own connection and transaction,
    really committed (the per-test rollback above runs every request on ONE connection)."""
    url = create_database(postgres_url, prefix="live")
    try:
        await migrate(url, "upgrade", "head")
        # Every request comes from 127.0.0.1: the per-address login limit would soon lock the
        # suite out of its own logins (the per-account limit is what its race test checks).
        limits = replace(settings.login_limits, per_address=1_000_000)
        live_settings = replace(settings, login_limits=limits)
        app = DefaultBearer(impl_module("week12", "main").create_app(url, live_settings))
        async with LifespanManager(app.app):
            pass  # week 10: a lifespan that fails raises its own error here, not uvicorn's
        server = LiveServer(app).start()
        try:
            app.token = await live_admin_token(server.url, url)
            yield Live(server, url, app.token)
        finally:
            server.stop()
    finally:
        drop_database(url)


# --- week 11: the pipeline's world (a real worker; committed rows) ---------------------------


@pytest.fixture(scope="session")
def pipeline_world(postgres_url: str, redis_url: str) -> Iterator[World]:
    """The pipeline's database (migrated), broker, SMTP server and worker. The worker may still be
    starting when this returns: ``world`` waits for it (see ``pipeline_started_early``)."""
    url = create_database(postgres_url, prefix="pipeline")
    broker = ThrowawayRedis()
    smtp = SmtpServer().start()
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        draft = World(url, broker.url(), smtp, None, producer(broker.url()), redis_url=redis_url)  # type: ignore[arg-type]
        draft.worker = worker = CeleryWorker(worker_app(), draft.broker_url, env=draft.env())
        try:
            # The worker's start-up is mostly its imports: the migrations run meanwhile, and
            # the tests before the first that needs the worker.
            draft.started = pool.submit(worker.start)
            command.upgrade(alembic_config(url), "head")
            yield draft
        finally:
            pool.shutdown()  # a start still running ends (started or failed) before the close
            worker.close()
    finally:
        smtp.close()
        broker.close()
        drop_database(url)


@pytest.fixture(scope="session", autouse=True)
def pipeline_started_early(request: pytest.FixtureRequest) -> None:
    """When a collected test needs the pipeline's world, make it at the first project test: its
    worker's start-up (seconds of imports) then runs beside the tests before the first that uses
    it, not in front of that test."""
    if any("pipeline_world" in getattr(item, "fixturenames", ()) for item in request.session.items):
        request.getfixturevalue("pipeline_world")


@pytest.fixture
def world(pipeline_world: World) -> World:
    """The session's pipeline world (its worker started), its waits reading the session worker's
    log from here on."""
    assert pipeline_world.started is not None
    pipeline_world.started.result()  # raises the worker's start-up error, with its log
    pipeline_world.watch(pipeline_world.worker)
    return pipeline_world


def worker_app() -> str:
    """The Celery app of the implementation under test (``--impl``)."""
    return str(impl_module("week12", "pipeline.worker").__name__)


@pytest.fixture
def smtp(world: World) -> SmtpServer:
    """The world's SMTP server, running (a test may stop it)."""
    return world.smtp.start()


@pytest_asyncio.fixture(loop_scope="session")
async def world_sessions(world: World) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions on the world's database: what they commit, the worker sees."""
    engine = create_async_engine(async_url(world.database_url))
    yield async_sessionmaker(engine, expire_on_commit=False)
    await engine.dispose()


@pytest_asyncio.fixture(loop_scope="session")
async def world_client(
    world: World, settings: Any, clock: MovableClock, asgi_client: ClientFactory
) -> httpx.AsyncClient:
    """A v1 client of an app on the world's database and broker, logged in as a new user."""
    app = impl_module("week12", "main").create_app(
        world.database_url, replace(settings, broker_url=world.broker_url), clock
    )
    client = await asgi_client(app, base_url="http://testserver/api/v1")
    account = await register_and_login(client, f"user-{uuid.uuid4().hex[:10]}@example.com")
    client.headers["Authorization"] = f"Bearer {account.access_token}"
    return client


@pytest_asyncio.fixture(loop_scope="session")
async def member_id(world_sessions: async_sessionmaker[AsyncSession]) -> int:
    """A user of the world's database (committed), to send e-mail to."""
    email = f"member-{uuid.uuid4().hex[:10]}@example.com"
    insert = text("INSERT INTO users (email, password_hash) VALUES (:email, '!') RETURNING id")
    async with world_sessions() as session, session.begin():
        return int((await session.execute(insert, {"email": email})).scalar_one())
