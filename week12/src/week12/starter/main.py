"""The application factory: ``uvicorn --factory week12.starter.main:create_app``.

The schema is not created here: ``alembic upgrade head`` builds it (see the week's README).
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import structlog
from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from .auth.denylist import distrust
from .auth.passwords import Passwords
from .auth.router import me_router
from .auth.router import router as auth_router
from .auth.tokens import TokenCodec
from .caching.http_cache import HttpCache
from .caching.metrics import CacheMetrics
from .caching.read_cache import forget_everything
from .caching.redis_client import make_guard, make_redis
from .caching.router import router as cache_router
from .categories.router import router as categories_router
from .db import database_url, make_engine, make_sessionmaker
from .github.client import github_client
from .github.router import router as github_router
from .http_methods import HeadAndOptionsMiddleware
from .pipeline.router import router as pipeline_router
from .problems import add_problem_handlers, problem_responses, use_problem_media_type
from .realtime import start_realtime
from .realtime.router import router as realtime_router
from .request_logging import RequestLoggingMiddleware, configure_logging
from .retries import RetryTransientErrors
from .security_headers import SecurityHeadersMiddleware
from .settings import Settings
from .stats.router import router as stats_router
from .tags.router import router as tags_router
from .tasks.router import router as tasks_router
from .tasks.router_v2 import router as tasks_v2_router
from .users.router import router as users_router
from .versioning import add_versioned_docs

DESCRIPTION = """
Tasks, categories and tags, stored in PostgreSQL, each user's own.

Log in with the OAuth2 password flow (`POST /api/v1/auth/token`, or "Authorize" on this page),
then send `Authorization: Bearer <access token>`. Access tokens live 15 minutes; trade the
refresh token at `POST /api/v1/auth/refresh` for a new pair.

Two versions: `/api/v1` (the week 3 contract, frozen, plus authentication) and `/api/v2`
(cursor pagination, renamed fields, links, ETag/If-Match, bulk import, statistics, GitHub issue
previews). Each has its own document: `/api/v1/docs`, `/api/v2/docs`.

Lists, pages and statistics are cached in Redis per user and invalidated by every write, so a
read after your write shows it. Without Redis the API answers from PostgreSQL.

Errors use one body everywhere: RFC 9457 problem details (`application/problem+json`).
"""
logger = structlog.get_logger(__name__)
# Every protected route can answer these (documented once, where the routers are included).
AUTH_ERRORS = problem_responses(401, 403)


class TaskManagerAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        # FastAPI documents every body as application/json; error bodies are problem+json.
        return use_problem_media_type(super().openapi())


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # One engine (and its connection pool) per process, closed on shutdown. Creating it does not
    # connect yet: the first request does.
    engine = make_engine(app.state.database_url)
    app.state.sessionmaker = app.state.given_sessionmaker or make_sessionmaker(engine)
    redis, github = start_caching(app, app.state.settings)
    # Week 12: events go out through the guard; this process's sockets hear every process's.
    try:
        notifier = await start_realtime(app)
    except Exception:
        # A broken push channel must not take the API down with it: HTTP keeps working and
        # clients fall back to reading (the solution's start does not raise, even without Redis).
        logger.exception("real-time updates unavailable")
        notifier = None
    try:
        yield
    finally:
        if notifier is not None:
            await notifier.stop()
        await github.aclose()
        await redis.aclose()
        await engine.dispose()


def start_caching(app: FastAPI, settings: Settings) -> tuple[Redis, httpx.AsyncClient]:
    """Week 10: one Redis pool, its guard and the cache counters; the GitHub client and its HTTP
    cache; what to do when Redis comes back after missing writes. Returns what to close."""
    redis = make_redis(settings.redis)
    guard = make_guard(redis, settings.redis)
    guard.on_recovery(forget_everything)  # no cached read written before the outage is used
    guard.on_recovery(distrust)  # the deny-list's copy is rebuilt from PostgreSQL
    app.state.guard = guard
    app.state.metrics = CacheMetrics(guard)
    github = github_client(settings.github)
    app.state.github = HttpCache(github, guard, app.state.metrics)
    return redis, github.http


def utc_now() -> datetime:
    return datetime.now(UTC)


def add_security(app: FastAPI, settings: Settings) -> None:
    """Security headers on every response, CORS for the configured front ends (lecture 4), and
    the public key at ``/.well-known/jwks.json`` (lecture 2)."""
    app.add_middleware(SecurityHeadersMiddleware)
    # Added last, runs first: CORS answers preflights before anything else sees them.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key"],
        expose_headers=["ETag", "Location", "Retry-After", "X-Request-ID"],
        max_age=600,
    )

    @app.get("/.well-known/jwks.json", include_in_schema=False)
    async def jwks() -> dict[str, Any]:
        """The public key that verifies this API's tokens (for other services)."""
        return app.state.tokens.jwks()  # type: ignore[no-any-return]


def create_app(
    url: str | None = None,
    settings: Settings | None = None,
    clock: Callable[[], datetime] = utc_now,
    sessionmaker: Callable[[], AsyncSession] | None = None,
) -> FastAPI:
    """A new app on the database at ``url`` (default: ``DATABASE_URL``, else the dev database),
    with ``settings`` (default: from the environment, ``Settings.from_env``). ``sessionmaker``:
    where requests get their sessions, if not from the app's own engine (the tests pass one that
    joins each test's transaction; unlike ``dependency_overrides``, it costs requests nothing)."""
    configure_logging()
    settings = settings or Settings.from_env()
    app = TaskManagerAPI(
        title="Task Manager API", version="0.11.0", description=DESCRIPTION, lifespan=lifespan
    )
    app.state.database_url = url or database_url()
    app.state.given_sessionmaker = sessionmaker
    app.state.settings = settings
    app.state.clock = clock
    app.state.tokens = TokenCodec(settings)
    app.state.passwords = Passwords(settings.password_cost)
    add_problem_handlers(app)
    # Middleware added later wraps the earlier: logging sees the final answer of every request.
    app.add_middleware(RetryTransientErrors)
    app.add_middleware(HeadAndOptionsMiddleware)
    app.add_middleware(RequestLoggingMiddleware)
    add_security(app, settings)
    v1 = APIRouter(prefix="/api/v1")
    v1.include_router(auth_router)
    v1.include_router(me_router)
    v1.include_router(tasks_router, responses=AUTH_ERRORS)
    v1.include_router(categories_router, responses=AUTH_ERRORS)
    v1.include_router(tags_router, responses=AUTH_ERRORS)
    v1.include_router(users_router, responses=AUTH_ERRORS)
    v1.include_router(cache_router, responses=AUTH_ERRORS)
    v1.include_router(pipeline_router, responses=AUTH_ERRORS)  # week 11
    v1.include_router(realtime_router)  # week 12: /api/v1/ws (not HTTP: not in the documents)
    v2 = APIRouter(prefix="/api/v2")
    v2.include_router(stats_router, responses=AUTH_ERRORS)  # before /tasks/{task_id}
    v2.include_router(tasks_v2_router, responses=AUTH_ERRORS)
    v2.include_router(github_router, responses=AUTH_ERRORS)
    app.include_router(v1)
    app.include_router(v2)

    add_versioned_docs(app)
    return app
