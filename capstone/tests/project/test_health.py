"""The platform's health checks: ``/health`` answers whatever the database does; ``/ready``
answers 200 only while the database and Redis do, and 503 with ``Retry-After`` when one is
unreachable (a port nothing listens on) or hangs (a server that accepts and never answers)."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.http import ClientFactory
from testkit.services.process import free_port

from .conftest import make_app

pytestmark = pytest.mark.task(0)

health = impl_module("capstone", "health")
db = impl_module("capstone", "db")
get_sessionmaker = impl_module("capstone", "dependencies").get_sessionmaker
redis_client = impl_module("capstone", "redis_client")


async def get(client: httpx.AsyncClient, path: str) -> httpx.Response:
    return await client.get(f"http://testserver{path}")


async def test_health_and_ready_answer_without_a_token(anonymous: httpx.AsyncClient) -> None:
    live = await get(anonymous, "/health")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    ready = await get(anonymous, "/ready")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["checks"]["database"] == "ok"


@pytest.mark.task(14)
async def test_ready_checks_redis_too(
    anonymous: httpx.AsyncClient,
    settings: Any,
    session_clock: Any,
    current_sessionmaker: Any,
    bucket: Any,
    asgi_client: ClientFactory,
) -> None:
    ready = await get(anonymous, "/ready")
    assert ready.json()["checks"] == {"database": "ok", "redis": "ok"}
    no_redis = redis_client.make_redis(f"redis://127.0.0.1:{free_port()}/0")
    app = make_app(settings, session_clock, current_sessionmaker, bucket, redis=no_redis)
    ready = await get(await asgi_client(app), "/ready")
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert ready.headers["retry-after"] == health.RETRY_AFTER
    assert ready.json()["detail"] == "Redis is unreachable."


async def silent_server() -> AsyncIterator[int]:
    """A port that accepts connections and never says a word (a database that hangs)."""

    async def hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # until the client gives up and closes
        writer.close()

    server = await asyncio.start_server(hang, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()[1]


@pytest.fixture(params=["closed port", "silent server"])
async def dead_database(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    if request.param == "closed port":
        yield f"postgresql://postgres@127.0.0.1:{free_port()}/course"
    else:
        async for port in silent_server():
            yield f"postgresql://postgres@127.0.0.1:{port}/course"


async def test_ready_is_503_with_retry_after_when_the_database_is_unreachable(
    fresh_app: Any,
    asgi_client: ClientFactory,
    dead_database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(health, "READY_TIMEOUT", 0.5)  # the silent server would hang for ever
    engine = db.make_engine(dead_database)
    fresh_app.dependency_overrides[get_sessionmaker] = lambda: db.make_sessionmaker(engine)
    client = await asgi_client(fresh_app)
    try:
        ready = await get(client, "/ready")
        live = await get(client, "/health")
    finally:
        await engine.dispose()
    assert ready.status_code == 503
    assert ready.headers["content-type"] == "application/problem+json"
    assert ready.headers["retry-after"] == health.RETRY_AFTER
    assert ready.json()["detail"] == "The database is unreachable."
    assert (live.status_code, live.json()) == (200, {"status": "ok"})  # liveness is unaffected
