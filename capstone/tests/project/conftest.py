"""Fixtures of the capstone's tests.

The schema is built ONCE per session by the real migrations (``alembic upgrade head``). Every test
runs inside a transaction rolled back at its end (testkit ``db_connection``); the app's sessions
join it with savepoints, so the app's own ``commit()`` runs for real and leaves nothing behind.

One app serves the whole session (building FastAPI's routes is the slow part of making one). The
people of a test are made without HTTP (``World``): rows inserted, tokens made by the app's own
codec; ``test_auth.py`` tests registering and logging in through the API.
"""

import asyncio
import itertools
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import psycopg
import pytest
import pytest_asyncio
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from testkit import impl_module
from testkit.db import async_url
from testkit.http import ClientFactory
from testkit.s3 import S3Server
from testkit.services.postgres import create_database, drop_database, with_dbname

from .alembic_helpers import migrate
from .processes import Server, app_process

T = TypeVar("T")
PASSWORD = "correct horse battery staple"  # noqa: S105 - the test users' password
SECRET = b"test-secret-do-not-use-in-production"
API = "http://testserver/api/v1"


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
def settings(redis_url: str) -> Any:
    """Cheap hashing, fixed secrets, and the session's Redis (the testkit's ``redis_url``)."""
    module = impl_module("capstone", "settings")
    cheap = module.PasswordCost(time_cost=1, memory_kib=1024, parallelism=1)
    return module.Settings(
        jwt_secret=SECRET, cursor_secret=SECRET, password_cost=cheap, redis_url=redis_url
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
    """A new, empty database (dropped afterwards), for tests that commit or migrate."""
    url = create_database(postgres_url, prefix="fresh")
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture(scope="session")
def migrated_template(postgres_url: str) -> Iterator[str]:
    """A database the migrations bring to ``head`` once a session, for ``migrated_url`` to copy:
    a copy costs a tenth of a run of the migrations (``test_migrations.py`` tests them)."""
    url = create_database(postgres_url, prefix="template")
    try:
        asyncio.run(migrate(url, "upgrade", "head"))
        yield url
    finally:
        drop_database(url)


def copy_database(template_url: str, prefix: str) -> str:
    """A new database made from ``template_url``'s (nobody may be connected to it); its URL."""
    template = template_url.partition("?")[0].rsplit("/", 1)[1]
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(with_dbname(template_url, "postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(template)))  # fmt: skip
    return with_dbname(template_url, name)


@pytest.fixture
def migrated_url(migrated_template: str) -> Iterator[str]:
    """A new database at ``head`` (dropped afterwards), for tests that commit."""
    url = copy_database(migrated_template, prefix="migrated")
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
    """Which sessionmaker the shared app's requests use: the running test's."""

    value: async_sessionmaker[AsyncSession] | None = None

    async def __call__(self) -> async_sessionmaker[AsyncSession]:
        assert self.value is not None, "the app fixture sets it for each test"
        return self.value


@pytest.fixture(scope="session")
def current_sessionmaker() -> CurrentSessionmaker:
    return CurrentSessionmaker()


@dataclass(frozen=True)
class Bucket:
    """The attachments' bucket on the testkit's S3-compatible server (moto on loopback)."""

    client: Any
    name: str

    def put(self, key: str, body: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.name, Key=key, Body=body, ContentType=content_type)


@pytest.fixture(scope="session")
def bucket(s3_server: S3Server) -> Bucket:
    return Bucket(s3_server.client(), s3_server.create_bucket("attachments"))


def make_app(
    settings: Any,
    clock: MovableClock,
    sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
    **options: Any,  # more arguments of create_app (redis, cache, rate_limits)
) -> Any:
    storage = impl_module("capstone", "attachments.storage").S3Storage(bucket.client, bucket.name)
    # The hostile and isolation suites send thousands of requests as one user: never throttled.
    limits = impl_module("capstone", "caching.limits").RateLimits
    options.setdefault("rate_limits", limits(per_user=10**9, per_org=10**9))
    app = impl_module("capstone", "main").create_app(
        settings=settings, clock=clock, storage=storage, **options
    )
    app.dependency_overrides[impl_module("capstone", "dependencies").get_sessionmaker] = (
        sessionmaker
    )
    return app


@pytest.fixture(scope="session")
def shared_app(
    settings: Any,
    session_clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
) -> Any:
    return make_app(settings, session_clock, current_sessionmaker, bucket)


@pytest.fixture
def app(
    shared_app: Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    current_sessionmaker: CurrentSessionmaker,
    clock: MovableClock,
) -> Any:
    """The shared app, serving this test's connection. Do not add routes to it: use
    ``fresh_app``."""
    current_sessionmaker.value = sessionmaker
    return shared_app


@pytest.fixture
def fresh_app(
    app: Any,
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
) -> Any:
    """An app of the test's own (it may add routes), on the test's connection."""
    return make_app(settings, clock, current_sessionmaker, bucket)


@pytest.fixture
async def anonymous(app: Any, asgi_client: ClientFactory) -> httpx.AsyncClient:
    return await asgi_client(app, base_url=API)


@pytest.fixture(scope="session")
def password_hash(shared_app: Any) -> str:
    """``PASSWORD`` hashed once by the app's own hasher: the people below log in with it."""
    return str(shared_app.state.passwords.hash(PASSWORD))


@dataclass(frozen=True)
class Person:
    id: int
    email: str
    token: str


@dataclass
class Org:
    id: int
    admin: Person
    member: Person
    viewer: Person
    project_id: int
    task_id: int
    attachment_id: int
    comment_id: int  # written by the member
    export_id: int = 0  # a done export of the tasks (CSV), asked for by the admin


_numbers = itertools.count(1)


@dataclass
class World:
    """Makes people, organisations and their data straight in the database (fast), with access
    tokens from the app's codec, and clients that send them."""

    app: Any
    db: AsyncConnection
    password_hash: str
    asgi_client: ClientFactory
    bucket: Bucket

    async def person(self, name: str) -> Person:
        email = f"{name}-{next(_numbers)}@example.com"
        insert = text("INSERT INTO users (email, password_hash) VALUES (:e, :h) RETURNING id")
        user_id = int(
            (await self.db.execute(insert, {"e": email, "h": self.password_hash})).scalar_one()
        )
        token = self.app.state.tokens.access_token(user_id, self.app.state.clock())
        return Person(user_id, email, token)

    async def join(self, org_id: int, person: Person, role: str) -> None:
        insert = text("INSERT INTO memberships (org_id, user_id, role) VALUES (:o, :u, :r)")
        await self.db.execute(insert, {"o": org_id, "u": person.id, "r": role})

    async def org(self, name: str) -> Org:
        """An organisation with an admin, a member and a viewer, one project holding one task with
        one comment (by the member) and one stored attachment (all named ``secret of <name>``: a response of
        another organisation must not hold it)."""
        slug = f"{name}-{next(_numbers)}"
        insert = text("INSERT INTO organisations (name, slug) VALUES (:n, :s) RETURNING id")
        org_id = int((await self.db.execute(insert, {"n": name, "s": slug})).scalar_one())
        people = [await self.person(f"{name}-{role}") for role in ("admin", "member", "viewer")]
        for person, role in zip(people, ("admin", "member", "viewer"), strict=True):
            await self.join(org_id, person, role)
        project = text("INSERT INTO projects (org_id, name) VALUES (:o, :n) RETURNING id")
        project_id = int(
            (await self.db.execute(project, {"o": org_id, "n": f"secret of {name}"})).scalar_one()
        )
        task = text(
            "INSERT INTO tasks (org_id, project_id, title) VALUES (:o, :p, :t) RETURNING id"
        )
        values = {"o": org_id, "p": project_id, "t": f"secret of {name}"}
        task_id = int((await self.db.execute(task, values)).scalar_one())
        comment = text(
            "INSERT INTO comments (org_id, task_id, author_id, body) VALUES (:o, :t, :a, :b)"
            " RETURNING id"
        )
        comment_values = {"o": org_id, "t": task_id, "a": people[1].id, "b": values["t"]}
        comment_id = int((await self.db.execute(comment, comment_values)).scalar_one())
        # A stored attachment whose file is really in the bucket (completing it again passes).
        key = f"org-{org_id}/{next(_numbers):032x}/secret.txt"
        name = f"secret of {name}"
        self.bucket.put(key, name.encode(), "text/plain")
        attachment = text(
            "INSERT INTO attachments (org_id, task_id, key, filename, content_type, size, status,"
            " created_by) VALUES (:o, :t, :k, :f, 'text/plain', :s, 'stored', :a) RETURNING id"
        )
        row = {"o": org_id, "t": task_id, "k": key, "f": name, "s": len(name),
               "a": people[1].id}  # fmt: skip
        attachment_id = int((await self.db.execute(attachment, row)).scalar_one())
        admin, member, viewer = people
        export = text(
            "INSERT INTO report_exports (org_id, requested_by, format, status, content)"
            " VALUES (:o, :a, 'csv', 'done', :c) RETURNING id"
        )
        export_values = {"o": org_id, "a": admin.id, "c": f"id,title\n{task_id},{values['t']}\n"}
        export_id = int((await self.db.execute(export, export_values)).scalar_one())
        org = Org(org_id, admin, member, viewer, project_id, task_id, attachment_id, comment_id)
        org.export_id = export_id
        return org

    async def client(self, person: Person | None = None, app: Any = None) -> httpx.AsyncClient:
        client = await self.asgi_client(app or self.app, base_url=API)
        if person is not None:
            client.headers["Authorization"] = f"Bearer {person.token}"
        return client


@pytest.fixture
def world(
    app: Any,
    db_connection: AsyncConnection,
    password_hash: str,
    asgi_client: ClientFactory,
    bucket: Bucket,
) -> World:
    return World(app, db_connection, password_hash, asgi_client, bucket)


@pytest.fixture
async def acme(world: World) -> Org:
    return await world.org("acme")


@pytest.fixture
async def globex(world: World) -> Org:
    """The other organisation: the one that must never see acme's data."""
    return await world.org("globex")


@pytest.fixture
async def admin(world: World, acme: Org) -> httpx.AsyncClient:
    return await world.client(acme.admin)


@pytest.fixture
async def member(world: World, acme: Org) -> httpx.AsyncClient:
    return await world.client(acme.member)


@pytest.fixture
async def viewer(world: World, acme: Org) -> httpx.AsyncClient:
    return await world.client(acme.viewer)


@dataclass
class Racing:
    """A member's client on a database of its own where every request commits, so simultaneous
    requests really overlap (test_races.py, test_idempotency.py)."""

    client: httpx.AsyncClient  # a member of ``org``, every request its own transaction
    engine: AsyncEngine
    org: int

    async def scalar(self, sql: str, **params: Any) -> Any:
        async with self.engine.connect() as conn:
            return await conn.scalar(text(sql), params)

    async def new_project(self) -> int:
        async with self.engine.begin() as conn:
            return int(await conn.scalar(text(
                "INSERT INTO projects (org_id, name) VALUES (:o, 'P' || nextval('projects_id_seq')) "
                "RETURNING id"), {"o": self.org}))  # fmt: skip

    async def burst(self, *requests: Any) -> Counter[int]:
        return Counter(answer.status_code for answer in await asyncio.gather(*requests))


def app_on_database(url: str, settings: Any) -> Any:
    """The app on a database of its own, next to the session's Redis: its own cache keys (org 1
    there is not org 1 here), and limits no test reaches (the suites that burst are not testing
    the limits)."""
    caching = impl_module("capstone", "caching.pages"), impl_module("capstone", "caching.limits")
    return impl_module("capstone", "main").create_app(
        database=url,
        settings=settings,
        cache=caching[0].CachePolicy(prefix=f"db:{url}"),
        rate_limits=caching[1].RateLimits(per_user=10**9, per_org=10**9),
    )


@pytest.fixture
async def racing(
    migrated_url: str, settings: Any, asgi_client: ClientFactory
) -> AsyncIterator[Racing]:
    engine = create_async_engine(async_url(migrated_url))
    try:
        async with engine.begin() as conn:
            user = await conn.scalar(text(
                "INSERT INTO users (email, password_hash) VALUES ('r@example.com', 'x') RETURNING id"))  # fmt: skip
            org = await conn.scalar(text(
                "INSERT INTO organisations (name, slug) VALUES ('R', 'r') RETURNING id"))  # fmt: skip
            await conn.execute(text(
                "INSERT INTO memberships (org_id, user_id, role) VALUES (:o, :u, 'member')"),
                {"o": org, "u": user})  # fmt: skip
        app = app_on_database(migrated_url, settings)
        token = app.state.tokens.access_token(user, datetime.now(UTC))
        client = await asgi_client(
            app,
            base_url=f"http://testserver/api/v1/orgs/{org}",
            headers={"Authorization": f"Bearer {token}"},
        )
        yield Racing(client, engine, org)
    finally:
        await engine.dispose()


class Early:
    """Start-ups begun before the tests that need them. A Celery worker or a uvicorn process
    spends a second or two importing the app: begun here, in a thread, it imports on the machine's
    other core while the tests before its own run. One at a time, so the tests keep their core.
    ``begin(context)`` enters the context manager in that thread and returns a future of what it
    yields; ``close()`` exits them all when the session ends."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="early-start")
        self.stack = ExitStack()

    def begin(self, context: AbstractContextManager[T]) -> Future[T]:
        return self.pool.submit(self.stack.enter_context, context)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.stack.close()


@pytest.fixture(scope="session")
def early(postgres_url: str, redis_url: str) -> Iterator[Early]:
    """(It asks for the session's servers so that they stop after what it started.)"""
    started = Early()
    try:
        yield started
    finally:
        started.close()


# --- part 2, background jobs: a committed database, real Celery workers, a real SMTP server ----


@dataclass
class Jobs:
    """The jobs' world, one per session: a database where everything commits (a worker is
    another process: it sees committed rows only), the broker (the session's Redis), an SMTP
    server, the session's worker, and the crash tests' slow worker on a queue of its own."""

    url: str
    broker_url: str
    smtp: Any  # testkit.smtp.SmtpServer
    worker: Any  # testkit.celery_worker.CeleryWorker
    slow: Any
    producer: Any  # a Celery app that only publishes
    seen: dict[str, int] = field(default_factory=dict)  # each worker's log length at test start

    def watch(self) -> None:
        """Read the workers' logs from here on (each test, through the ``jobs`` fixture)."""
        self.seen = {"worker": len(self.worker.log()), "slow": len(self.slow.log())}

    def crash(self) -> str | None:
        """A task of this test that raised (a bug, not a retry): the worker's traceback."""
        for name, worker in (("worker", self.worker), ("slow", self.slow)):
            log = str(worker.log())[self.seen.get(name, 0) :]
            if "raised unexpected" in log:
                return log[log.index("raised unexpected") :][:2000]
        return None

    def publish(self, task_name: str, queue: str = "celery") -> str:
        return str(self.producer.send_task(task_name, queue=queue).id)


CRASH_QUEUE = "crash"
JOBS_MAIL_ATTEMPTS = 3  # poison: dead after three failures
JOBS_MAIL_BACKOFF = "0.2"  # seconds (30 in production): retries within a second


@contextmanager
def jobs_running(template_url: str, redis_url: str) -> Iterator[Jobs]:
    """The jobs' world on a copy of the migrated template (no run of the migrations takes a core
    from the workers), both workers answering."""
    from testkit.celery_worker import CeleryWorker
    from testkit.smtp import SmtpServer

    url = copy_database(template_url, prefix="jobs")
    with ExitStack() as stack:
        stack.callback(drop_database, url)
        smtp = stack.enter_context(SmtpServer())
        worker_app = impl_module("capstone", "jobs.worker").__name__
        env = {"DATABASE_URL": url, "REDIS_URL": redis_url, "SMTP_HOST": smtp.host,
               "SMTP_PORT": str(smtp.port), "CAPSTONE_MAIL_ATTEMPTS": str(JOBS_MAIL_ATTEMPTS),
               "CAPSTONE_MAIL_BACKOFF": JOBS_MAIL_BACKOFF}  # fmt: skip
        worker = stack.enter_context(CeleryWorker(worker_app, redis_url, env=env))
        # Its tasks pause 0.5 s before their work, and an unacknowledged message goes back to the
        # queue after 1 s (an hour in production): time to kill it mid-task, little to wait for.
        slow_env = {**env, "CAPSTONE_TASK_PAUSE": "0.5", "CAPSTONE_VISIBILITY": "1"}
        slow = stack.enter_context(
            CeleryWorker(worker_app, redis_url, env=slow_env, queues=[CRASH_QUEUE])
        )
        producer = impl_module("capstone", "jobs.celery_app").make_celery(redis_url)
        stack.callback(producer.close)
        yield Jobs(url, redis_url, smtp, worker, slow, producer)


@pytest.fixture(scope="session")
def jobs_world(early: Early, migrated_template: str, redis_url: str) -> Future[Jobs]:
    return early.begin(jobs_running(migrated_template, redis_url))


@pytest_asyncio.fixture
async def jobs(jobs_world: Future[Jobs]) -> AsyncIterator[tuple[Jobs, AsyncEngine]]:
    """The jobs' world (SMTP running) and an engine on its database, for this test."""
    world = jobs_world.result()
    world.smtp.start()
    world.watch()
    engine = create_async_engine(async_url(world.url))
    try:
        yield world, engine
    finally:
        await engine.dispose()


# --- processes of the app --------------------------------------------------------------------------


@contextmanager
def serving(database_url: str, files: Path) -> Iterator[Server]:
    server = Server(database_url, files)
    try:
        yield server.started()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def served_app(
    early: Early, db_engine: AsyncEngine, postgres_url: str, tmp_path_factory: Any
) -> Future[Server]:
    """The app served by uvicorn in a process of its own, as the Dockerfile runs it, on the tests'
    database (migrated to head by ``db_engine``)."""
    return early.begin(serving(postgres_url, tmp_path_factory.mktemp("files")))


@dataclass(frozen=True)
class RealtimeWorld:
    """The real-time tests' database, their Redis server (a test stops it) and the URL of the
    app's second process, ``b``, serving."""

    database_url: str
    redis: Any  # testkit.services.redis.ThrowawayRedis
    b: str


@contextmanager
def realtime_running(template_url: str) -> Iterator[RealtimeWorld]:
    from testkit.services.redis import ThrowawayRedis

    url = copy_database(template_url, prefix="realtime")
    with ExitStack() as stack:
        stack.callback(drop_database, url)
        redis = ThrowawayRedis()
        stack.callback(redis.close)
        env = {"DATABASE_URL": url, "REDIS_URL": redis.url(), "JWT_SECRET": SECRET.decode(),
               "CURSOR_SECRET": SECRET.decode()}  # fmt: skip
        b, ready = stack.enter_context(app_process(env))
        ready()
        yield RealtimeWorld(url, redis, b)


@pytest.fixture(scope="session")
def realtime_world(early: Early, migrated_template: str) -> Future[RealtimeWorld]:
    return early.begin(realtime_running(migrated_template))


# Begun as the session's first project test starts, in this order, if a collected test needs them.
EARLY = ("jobs_world", "served_app", "realtime_world")


@pytest.fixture(scope="session", autouse=True)
def early_starts(request: pytest.FixtureRequest) -> None:
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for name in EARLY:
        if name in used:
            request.getfixturevalue(name)
