"""/health (liveness) and /ready (PostgreSQL, Redis, broker, each within a timeout) on real services."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import httpx
import pytest
from deploy.lectures.service import create_app

from testkit.fake_upstream import unaccepted_port
from testkit.services.redis import ThrowawayRedis

from .conftest import MakeSettings

Client = Callable[..., Awaitable[httpx.AsyncClient]]


async def test_ready_when_every_dependency_answers(
    make_settings: MakeSettings, asgi_client: Client
) -> None:
    client = await asgi_client(create_app(make_settings()))
    response = await client.get("/ready")
    assert response.status_code == 200
    assert response.json()["checks"] == {"postgres": "ok", "redis": "ok", "broker": "ok"}


@pytest.mark.parametrize("role", ["redis", "broker"])
async def test_a_stopped_redis_makes_ready_503_but_health_stays_200(
    make_settings: MakeSettings,
    asgi_client: Client,
    reused_redis_server: ThrowawayRedis,
    role: str,
) -> None:
    field = "redis_url" if role == "redis" else "broker_url"
    client = await asgi_client(create_app(make_settings(**{field: reused_redis_server.url()})))
    assert (await client.get("/ready")).status_code == 200

    reused_redis_server.stop()  # a crash: connections refused
    response = await client.get("/ready")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks.pop(role).startswith("down: ")
    assert checks == dict.fromkeys(checks, "ok")  # the others still answer
    assert "127.0.0.1" not in response.text  # the error's class, not its message (URLs, hosts)
    # Liveness does not depend on anything: restarting this process would not bring Redis back.
    assert (await client.get("/health")).json() == {"status": "ok"}

    reused_redis_server.start()
    assert (await client.get("/ready")).status_code == 200  # back in the load balancer


async def test_a_hung_database_fails_ready_within_its_timeout(
    make_settings: MakeSettings, asgi_client: Client
) -> None:
    with unaccepted_port() as port:  # connecting hangs: a firewall, a saturated server
        settings = make_settings(
            database_url=f"postgresql://app@127.0.0.1:{port}/app", ready_timeout=1.0
        )
        client = await asgi_client(create_app(settings))
        started = time.monotonic()
        response = await client.get("/ready")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["checks"] == {"postgres": "timeout", "redis": "ok", "broker": "ok"}
    assert (
        elapsed < 0.5 * 4
    )  # ready_timeout is 0.5 s; the checks run at once, not one after another
