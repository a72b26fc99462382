"""The integration service's app factory: ``uvicorn --factory week08.solution.main:create_app``."""

import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, FastAPI

from .db import make_engine, make_sessionmaker
from .http_methods import HeadAndOptionsMiddleware
from .integrations import build_integrations
from .items.router import router as items_router
from .problems import add_problem_handlers, use_problem_media_type
from .request_logging import RequestLoggingMiddleware, configure_logging
from .resilience.clock import Now, Sleep, wall_clock
from .resilience.clock import sleep as real_sleep
from .settings import Settings
from .sync.router import router as sync_router
from .webhooks.router import router as webhooks_router

DESCRIPTION = """One read API over GitHub, Open-Meteo and a Stripe-shaped payment provider; sync
them now (`POST /api/v1/sync`) and see how each sync went (`GET /api/v1/sync/status`)."""


class IntegrationAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        return use_problem_media_type(super().openapi())


async def start_services(app: FastAPI) -> None:
    """``app.state.engine``, ``.sessionmaker``, ``.integrations``: once for the process's life."""
    # BEGIN SOLUTION engine, sessionmaker, integrations (app.state's clock)
    settings: Settings = app.state.settings
    app.state.engine = make_engine(settings.database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.integrations = build_integrations(
        settings, now=app.state.now, monotonic=app.state.monotonic, sleep=app.state.sleep
    )
    # END SOLUTION


async def stop_services(app: FastAPI) -> None:
    """Close the HTTP clients (their connections), then the engine's pool."""
    # BEGIN SOLUTION aclose the integrations, dispose of the engine
    await app.state.integrations.aclose()
    await app.state.engine.dispose()
    # END SOLUTION


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    await start_services(app)
    try:
        yield
    finally:
        await stop_services(app)


def create_app(
    settings: Settings | None = None, *, now: Now = wall_clock, monotonic: Now = time.monotonic,
    sleep: Sleep = real_sleep,
) -> FastAPI:  # fmt: skip
    """A new app; ``settings`` default to the environment. ``now``/``monotonic``/``sleep`` are
    for tests (a fake clock makes backoff and rate-limit waits instant)."""
    configure_logging()
    settings = settings or Settings.from_env()
    if not settings.cursor_secret:  # random per app: cursors then die with the process
        settings = replace(settings, cursor_secret=secrets.token_bytes(32))
    app = IntegrationAPI(
        title="Integration Service API", version="0.8.0", description=DESCRIPTION,
        lifespan=lifespan,
    )  # fmt: skip
    app.state.settings = settings
    app.state.now, app.state.monotonic, app.state.sleep = now, monotonic, sleep
    add_problem_handlers(app)
    app.add_middleware(HeadAndOptionsMiddleware)
    app.add_middleware(RequestLoggingMiddleware)
    v1 = APIRouter(prefix="/api/v1")
    v1.include_router(items_router)
    v1.include_router(sync_router)
    v1.include_router(webhooks_router)
    app.include_router(v1)
    return app
