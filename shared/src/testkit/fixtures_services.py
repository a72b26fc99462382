"""Session fixtures ``postgres_url`` and ``redis_url``: real servers, never existing data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from testkit.services.errors import ServiceUnavailable
from testkit.services.postgres import ThrowawayPostgres, create_database, drop_database
from testkit.services.redis import ThrowawayRedis

SKIP_PREFIX = "service unavailable"


def unavailable(request: pytest.FixtureRequest, exc: ServiceUnavailable) -> NoReturn:
    """Skip (with ``--services=skip``) or fail loudly with the how-to-fix message."""
    if request.config.getoption("services") == "skip":
        pytest.skip(f"{SKIP_PREFIX}: {exc}")
    raise exc


@pytest.fixture(scope="session")
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """URL of a fresh, empty database (``postgresql://``), dropped at the end of the session.

    With TEST_DATABASE_URL (or DATABASE_URL) set, the database is created on that server; otherwise
    a throwaway server is started in a temp folder and removed afterwards.
    """
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
    """URL of an empty Redis database.

    With REDIS_URL set, only its dedicated test DB index (TESTKIT_REDIS_DB, default 15) is used and
    flushed; otherwise a throwaway redis-server is started and stopped afterwards.
    """
    if env := os.environ.get("REDIS_URL"):
        parts = urlsplit(env)
        url = urlunsplit(parts._replace(path=f"/{redis_test_db()}"))
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
