"""Liveness and readiness (lecture W15.L2).

``/health`` answers "is this process alive?": it touches nothing else, so a database outage does
not make the orchestrator restart every healthy copy of the app (which would not fix the database).
``/ready`` answers "can this copy serve traffic now?": PostgreSQL, Redis and the broker, checked
at once, each within a timeout, so a hung dependency makes the check fail fast instead of hanging
the probe. One failure gives 503 and the load balancer stops sending requests until it recovers.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import redis.asyncio as aioredis
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from kombu import Connection
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

Check = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class Dependencies:
    engine: AsyncEngine
    redis: aioredis.Redis
    broker_url: str
    timeout: float


def postgres_check(engine: AsyncEngine) -> Check:
    async def check() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    return check


def redis_check(client: aioredis.Redis) -> Check:
    async def check() -> None:
        await client.ping()

    return check


def broker_check(url: str, timeout: float) -> Check:
    def connect() -> None:
        # kombu is synchronous: one attempt, no retries, in a worker thread.
        with Connection(url, connect_timeout=timeout) as conn:
            conn.ensure_connection(max_retries=0)  # one attempt: the probe retries

    async def check() -> None:
        await asyncio.to_thread(connect)

    return check


async def run_check(check: Check, seconds: float) -> str:
    """``ok``, ``timeout`` or ``down: <error class>`` (never the message: it may hold a URL)."""
    try:
        async with asyncio.timeout(seconds):
            await check()
    except TimeoutError:
        return "timeout"
    except Exception as exc:  # any failure means not ready; the class says which kind
        return f"down: {type(exc).__name__}"
    return "ok"


router = APIRouter(tags=["health"])


@router.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready")
async def ready(request: Request) -> JSONResponse:
    deps: Dependencies = request.app.state.dependencies
    checks = {
        "postgres": postgres_check(deps.engine),
        "redis": redis_check(deps.redis),
        "broker": broker_check(deps.broker_url, deps.timeout),
    }
    started = time.perf_counter()
    results = await asyncio.gather(*(run_check(check, deps.timeout) for check in checks.values()))
    report = dict(zip(checks, results, strict=True))
    ok = all(result == "ok" for result in report.values())
    body = {
        "status": "ready" if ok else "not ready",
        "checks": report,
        "seconds": round(time.perf_counter() - started, 3),
    }
    return JSONResponse(body, status_code=200 if ok else 503)
