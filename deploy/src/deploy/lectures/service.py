"""The observable service (lecture W15.L2): settings, JSON logs, request ids, health, Sentry.

``create_app(settings)`` wires the lecture's pieces into one FastAPI app: what the capstone's
``main.py`` does in production. ``POST /reports/{project_id}`` sends a Celery task (the worker's
log line carries the request's id); ``GET /boom`` fails on purpose, for Sentry.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as aioredis
import structlog
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import create_async_engine

from deploy.lectures.config import Settings
from deploy.lectures.correlation import RequestIdMiddleware, current_request_id
from deploy.lectures.errors import init_sentry
from deploy.lectures.health import Dependencies, router
from deploy.lectures.logs import configure_logging
from deploy.lectures.tasks import app as celery_app
from deploy.lectures.tasks import build_report, configure

log = structlog.get_logger("deploy.service")


def create_app(settings: Settings) -> FastAPI:
    configure_logging(json=settings.log_json, level=settings.log_level)
    broker_url = str(settings.broker_url or settings.redis_url)
    configure(celery_app, broker_url)
    if settings.sentry_dsn is not None:
        init_sentry(
            settings.sentry_dsn.get_secret_value(),
            environment=settings.env.value,
            secrets=[settings.jwt_secret.get_secret_value()],
        )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = str(settings.database_url).replace("postgresql://", "postgresql+asyncpg://", 1)
        engine = create_async_engine(url, pool_pre_ping=True)
        cache = aioredis.Redis.from_url(
            str(settings.redis_url), socket_timeout=settings.ready_timeout
        )
        app.state.dependencies = Dependencies(engine, cache, broker_url, settings.ready_timeout)
        log.info("started", env=settings.env.value)
        try:
            yield
        finally:
            await cache.aclose()
            await engine.dispose()

    app = FastAPI(title="Observable service", lifespan=lifespan)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(router)

    @app.post("/reports/{project_id}", status_code=202)
    async def request_report(project_id: int) -> dict[str, str | None]:
        result = build_report.delay(project_id)  # the request id travels in the message headers
        log.info("report requested", project_id=project_id, task_id=result.id)
        return {"task_id": result.id, "request_id": current_request_id()}

    @app.get("/boom")
    async def boom() -> None:
        signing_material = settings.jwt_secret.get_secret_value()  # a local Sentry would send
        raise RuntimeError(f"signature check failed ({len(signing_material)} bytes of key)")

    return app
