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

    # TODO (task 0): the fields of Health in openapi.json (components.schemas)


class Readiness(BaseModel):
    """The app can serve: every dependency it checked answered."""

    # TODO (task 0): the fields of Readiness in openapi.json (components.schemas)


@router.get("/health", summary="Liveness: the process answers")
async def health() -> Health:
    raise NotImplementedError("TODO: task 0")


@router.get(
    "/ready",
    summary="Readiness: the database and Redis answer",
    responses=problem_responses(503),
)
async def ready(sessionmaker: SessionmakerDep, request: Request) -> Readiness:
    raise NotImplementedError("TODO: task 0: SELECT 1 in time, else 503 + Retry-After")
    return Readiness(checks={"database": "ok"})  # TODO (task 14): and Redis


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> PlainTextResponse:
    raise NotImplementedError("task 14: GET /metrics")
