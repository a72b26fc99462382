"""Health checks for whatever runs the app (Docker's HEALTHCHECK, a Kubernetes probe, a load
balancer): no authentication, no organisation, outside ``/api/v1``.

- ``GET /health`` (liveness): the process answers. It touches nothing else on purpose: a
  database outage must not get every replica restarted, which cures nothing.
- ``GET /ready`` (readiness): the app can serve, so its database answers ``SELECT 1`` and Redis
  ``PING`` within ``READY_TIMEOUT`` seconds; else 503 with ``Retry-After``, and traffic goes
  elsewhere until it recovers. (Without Redis the API still answers, slower and unthrottled; a
  platform that would rather keep such a replica in service probes the database alone.)
- ``GET /metrics``: the page cache's hits, misses and errors (every process's), in Prometheus'
  text format; not in the contract (for the platform's scraper, not for clients).
"""

import asyncio
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel
from redis.exceptions import RedisError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .caching.guard import RedisUnavailableError
from .caching.pages import PageCache, prometheus_text
from .dependencies import SessionmakerDep
from .problems import problem_responses

READY_TIMEOUT = 2.0  # seconds: a probe that hangs is worse than one that fails
RETRY_AFTER = "5"  # seconds: when a load balancer or client should ask again

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """The process answers."""

    # BEGIN SOLUTION task 0
    status: Literal["ok"] = "ok"
    # REPLACE WITH
    # # TODO (task 0): the fields of Health in openapi.json (components.schemas)
    # END SOLUTION


class Readiness(BaseModel):
    """The app can serve: every dependency it checked answered."""

    # BEGIN SOLUTION task 0
    status: Literal["ready"] = "ready"
    checks: dict[str, Literal["ok"]]
    # REPLACE WITH
    # # TODO (task 0): the fields of Readiness in openapi.json (components.schemas)
    # END SOLUTION


@router.get("/health", summary="Liveness: the process answers")
async def health() -> Health:
    # BEGIN SOLUTION task 0
    return Health()
    # END SOLUTION


@router.get(
    "/ready",
    summary="Readiness: the database and Redis answer",
    responses=problem_responses(503),
)
async def ready(sessionmaker: SessionmakerDep, request: Request) -> Readiness:
    # BEGIN SOLUTION task 0: SELECT 1 in time, else 503 + Retry-After
    try:
        # The timeout covers the whole check: getting a connection from the pool, connecting
        # to a server that accepts but never answers, and the query itself.
        async with asyncio.timeout(READY_TIMEOUT), sessionmaker() as session:
            await session.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError, TimeoutError) as exc:
        raise HTTPException(
            503, detail="The database is unreachable.", headers={"Retry-After": RETRY_AFTER}
        ) from exc
    # END SOLUTION
    # BEGIN SOLUTION task 14: PING in time, else 503 + Retry-After
    try:
        async with asyncio.timeout(READY_TIMEOUT):
            await request.app.state.redis.ping()
    except (RedisError, OSError, TimeoutError) as exc:
        raise HTTPException(
            503, detail="Redis is unreachable.", headers={"Retry-After": RETRY_AFTER}
        ) from exc
    return Readiness(checks={"database": "ok", "redis": "ok"})
    # REPLACE WITH
    # return Readiness(checks={"database": "ok"})  # TODO (task 14): and Redis
    # END SOLUTION


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> PlainTextResponse:
    # BEGIN SOLUTION task 14: the cache's stats as Prometheus text; 503 without Redis
    cache: PageCache = request.app.state.page_cache
    try:
        stats = await cache.stats()
    except RedisUnavailableError as exc:
        raise HTTPException(
            503, detail="Redis is unreachable.", headers={"Retry-After": RETRY_AFTER}
        ) from exc
    return PlainTextResponse(prometheus_text(stats), media_type="text/plain; version=0.0.4")
    # REPLACE WITH
    # raise NotImplementedError("task 14: GET /metrics")
    # END SOLUTION
