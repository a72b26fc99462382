"""Resilience (task 14), each outage made for real and both sides checked:

- Redis stopped mid-run: the task list is served from PostgreSQL (no 500), a write made during
  the outage is not lost and is seen at once, ``/ready`` says 503; once Redis is back the list is
  cached again.
- PostgreSQL restarted under the app: during the outage requests fail fast with 503 and
  ``Retry-After`` (``db.py``'s timeouts), and after it the pool's pre-ping replaces the dead
  connections: the next request succeeds.
"""

import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import redis as sync_redis
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from testkit import impl_module
from testkit.http import ClientFactory
from testkit.services.postgres import ThrowawayPostgres
from testkit.services.redis import ThrowawayRedis

from .alembic_helpers import migrate
from .conftest import (
    API,
    Bucket,
    CurrentSessionmaker,
    MovableClock,
    Org,
    World,
    app_on_database,
    make_app,
)

pytestmark = pytest.mark.task(14)

redis_client = impl_module("capstone", "redis_client")
db = impl_module("capstone", "db")
db_errors = impl_module("capstone", "db_errors")


async def test_redis_stopped_mid_run(
    settings: Any,
    clock: MovableClock,
    current_sessionmaker: CurrentSessionmaker,
    bucket: Bucket,
    world: World,
    acme: Org,
    reused_redis_server: ThrowawayRedis,
) -> None:
    redis = redis_client.make_redis(reused_redis_server.url())
    app = make_app(settings, clock, current_sessionmaker, bucket, redis=redis)
    viewer, member = (
        await world.client(acme.viewer, app=app),
        await world.client(acme.member, app=app),
    )
    url = f"/orgs/{acme.id}/tasks"
    probe = sync_redis.Redis.from_url(reused_redis_server.url(), socket_timeout=2)

    def cached() -> list[Any]:
        return list(probe.scan_iter(match=f"cap:v1:org:{acme.id}:g*:tasks:*"))

    try:
        before = await viewer.get(url)
        assert (await viewer.get(url)).content == before.content
        assert len(cached()) == 1

        reused_redis_server.stop()
        during = await viewer.get(url)
        assert (during.status_code, during.content) == (200, before.content)
        body = {"project_id": acme.project_id, "title": "written during the outage"}
        assert (await member.post(url, json=body)).status_code == 201
        titles = [t["title"] for t in (await viewer.get(url)).json()["items"]]
        assert titles == ["written during the outage", "secret of acme"]
        assert (await viewer.get("http://testserver/ready")).status_code == 503

        reused_redis_server.start()  # back, empty
        deadline = time.monotonic() + 10
        while not cached():  # the guard tries Redis again after its cool-down
            assert time.monotonic() < deadline, "the list was not cached again"
            assert (await viewer.get(url)).status_code == 200
        again = await viewer.get(url)
        assert [t["title"] for t in again.json()["items"]] == titles
        assert (await viewer.get("http://testserver/ready")).status_code == 200
    finally:
        probe.close()


@pytest.fixture
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of this test's own, to stop and start."""
    server = ThrowawayPostgres()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
async def restartable(
    throwaway_postgres: ThrowawayPostgres, settings: Any, asgi_client: ClientFactory
) -> tuple[Any, str]:
    """An app on the throwaway server (its own engine and pool, as in production), with one
    organisation whose member's token it returns."""
    url = throwaway_postgres.url()
    await migrate(url, "upgrade", "head")  # the given migrations: the starter's models may lag
    with psycopg.connect(url, autocommit=True) as connection:
        user = connection.execute(
            "INSERT INTO users (email, password_hash) VALUES ('a@example.com', 'x') RETURNING id"
        ).fetchone()
        org = connection.execute(
            "INSERT INTO organisations (name, slug) VALUES ('o', 'o') RETURNING id"
        ).fetchone()
        assert user is not None
        assert org is not None
        connection.execute(
            "INSERT INTO memberships (org_id, user_id, role) VALUES (%s, %s, 'member')",
            (org[0], user[0]),
        )
    # Another database, the same Redis: cache keys of its own (its organisation 1 is not the
    # tests'), and limits no test reaches (its user 1 is counted under the other tests' user 1).
    app = app_on_database(url, settings)
    client = await asgi_client(app, base_url=API)
    token = app.state.tokens.access_token(user[0], app.state.clock())
    client.headers["Authorization"] = f"Bearer {token}"
    return client, f"/orgs/{org[0]}/tasks"


async def test_postgresql_restarted_under_the_app(
    throwaway_postgres: ThrowawayPostgres, restartable: tuple[Any, str]
) -> None:
    client, url = restartable
    assert (await client.get(url)).status_code == 200  # the pool now holds a connection

    throwaway_postgres.server.stop()  # immediate: every connection is cut
    assert (await client.get(url)).status_code == 200  # the cached page: Redis alone (fastpath)
    for path in (f"{url}?limit=19", "http://testserver/ready"):  # a page not cached: PostgreSQL
        started = time.monotonic()
        down = await client.get(path)
        assert time.monotonic() - started < db.CONNECT_TIMEOUT + 1.5  # fails fast, no hang
        assert down.status_code == 503
        assert down.headers["content-type"] == "application/problem+json"
        assert int(down.headers["retry-after"]) > 0

    throwaway_postgres.server.start()
    back = await client.get(url)
    assert (back.status_code, back.json()["items"]) == (200, [])
    made = await client.post(url.replace("/tasks", "/projects"), json={"name": "after"})
    assert made.status_code == 201


class DriverError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("error", "is_outage"),
    [
        (OperationalError("SELECT 1", {}, DriverError("57P01")), True),  # admin shutdown
        (DBAPIError("SELECT 1", {}, DriverError("08006")), True),  # connection failure
        (DBAPIError("SELECT 1", {}, DriverError(None), connection_invalidated=True), True),
        (InterfaceError("SELECT 1", {}, DriverError(None)), True),  # no SQLSTATE: the link
        (DBAPIError("SELECT 1", {}, DriverError("42P01")), False),  # a bug: undefined table
        (IntegrityError("INSERT", {}, DriverError("23505")), False),
        (ConnectionRefusedError(), True),
        (ValueError(), False),
    ],
)
def test_which_errors_mean_the_database_is_unreachable(error: Exception, is_outage: bool) -> None:
    assert db_errors.unavailable(error) is is_outage
