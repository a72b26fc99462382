"""The app factory: ``create_app()`` for uvicorn (``make run``), with settings and a clock for tests.

Routes live in one router per domain package; every tenant route declares its role through the
tenancy dependency, and ``publish_required_roles`` writes that role into the contract as
``x-required-role`` (what clients, reviewers and the isolation suite read).
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from redis.asyncio import Redis
from starlette.types import ASGIApp

from .attachments.router import router as attachments_router
from .attachments.storage import LocalStorage, Storage, local_files_router, local_storage_from_env
from .audit.router import router as audit_router
from .auth.passwords import Passwords
from .auth.router import router as auth_router
from .auth.tokens import TokenCodec
from .caching.fastpath import RequireCaller
from .caching.guard import RedisGuard
from .caching.limits import RateLimiter, RateLimits, document_rate_limits, rate_limit
from .caching.pages import CachePolicy, PageCache
from .comments.router import router as comments_router
from .db import database_url, make_engine, make_sessionmaker
from .dependencies import Clock
from .events import Listeners
from .exports.router import router as exports_router
from .health import router as health_router
from .jobs.celery_app import make_celery, send_delivery, send_export
from .jobs.outbox import Enqueue, EnqueueExports, write_outbox
from .observability import RequestIdMiddleware, configure_logging
from .pagination import CursorCodec
from .problems import add_problem_handlers, document_problems
from .projects.router import router as projects_router
from .realtime import Timeouts, install
from .redis_client import make_redis
from .sentry import init_sentry, password_of
from .settings import Settings
from .tasks.router import router as tasks_router
from .tenancy.dependencies import RequireRole
from .tenancy.models import Role
from .tenancy.router import router as tenancy_router

API_PREFIX = "/api/v1"


def utc_now() -> datetime:
    return datetime.now(UTC)


def required_role(dependant: Dependant) -> Role | None:
    """The role a route's tenancy dependency demands, found anywhere in its dependency tree."""
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, RequireRole | RequireCaller):  # the hot reads: RequireCaller
            return dependency.call.role
        if (role := required_role(dependency)) is not None:
            return role
    return None


def publish_required_roles(router: APIRouter) -> APIRouter:
    """Write each route's role into its OpenAPI operation (before the router is included: the app
    copies the routes' settings when it includes them)."""
    for route in router.routes:
        if isinstance(route, APIRoute) and (role := required_role(route.dependant)) is not None:
            route.openapi_extra = {**(route.openapi_extra or {}), "x-required-role": role.value}
    return router


def api_routes(app: FastAPI) -> Iterator[tuple[str, APIRoute]]:
    """(full path, route) of every API route of the app, included routers flattened."""
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute) and context.path is not None:
            yield context.path, context.original_route


class App(FastAPI):
    """FastAPI with the request-id middleware outermost. ``add_middleware`` would put it inside
    Starlette's ``ServerErrorMiddleware``, and the 500 that one sends would lack the id."""

    def build_middleware_stack(self) -> ASGIApp:
        return RequestIdMiddleware(super().build_middleware_stack())


def create_app(
    database: str | None = None,
    settings: Settings | None = None,
    clock: Clock = utc_now,
    storage: Storage | None = None,
    redis: Redis | None = None,
    cache: CachePolicy | None = None,
    rate_limits: RateLimits | None = None,
    realtime: Timeouts | None = None,
) -> FastAPI:
    """``storage``: where attachments live (the tests pass an S3 one); files in a local
    directory, served by this app, by default. ``redis``: the client of ``settings.redis_url``
    by default. ``cache`` and ``rate_limits``: the page cache's policy and the limits
    (``caching/``), their defaults when None. ``realtime``: the WebSocket's timeouts (tests
    shorten them)."""
    # JSON lines on stdout, uvicorn's too: uvicorn calls this factory after its own set-up.
    configure_logging()
    settings = settings or Settings.from_env()
    init_sentry(settings, also_secret=password_of(database or database_url()))  # SENTRY_DSN
    cursor_key = settings.cursor_secret.get_secret_value().encode()
    storage = storage or local_storage_from_env(cursor_key)
    redis = redis or make_redis(settings.redis_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(database or database_url())
        app.state.sessionmaker = make_sessionmaker(engine)
        await app.state.realtime.subscriber.start()
        try:
            yield
        finally:
            await app.state.realtime.subscriber.stop()
            await engine.dispose()
            await redis.aclose()

    app = App(
        title="Projects API (capstone)",
        version="1.0.0",
        description="A multi-tenant project-management backend: organisations, members with "
        "roles, invitations, projects, tasks, comments with @mentions, attachments and an audit log. Errors "
        "are RFC 9457 problem details. Every response carries an X-Request-ID header, the caller's "
        "own when it sent a valid one (letters, digits, '.', '_', '-', at most 64): quote it when "
        "reporting a problem.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.tokens = TokenCodec(settings)
    app.state.passwords = Passwords(settings.password_cost)
    app.state.cursors = CursorCodec(cursor_key)
    app.state.storage = storage
    app.state.redis = redis
    app.state.listeners = Listeners()  # part 2's outbox and real-time layer register here
    guard = RedisGuard(redis)
    app.state.page_cache = PageCache(guard, cache or CachePolicy())
    app.state.listeners.after_commit.append(app.state.page_cache.invalidate)
    app.state.rate_limiter = RateLimiter(guard, rate_limits or RateLimits())
    install(app, redis, settings.redis_url, realtime or Timeouts(), prefix=API_PREFIX)
    app.state.celery = make_celery(settings.redis_url)  # only publishes: the worker runs the tasks
    app.state.listeners.before_commit.append(write_outbox)
    app.state.listeners.after_commit.append(Enqueue(send_delivery(app.state.celery)))
    app.state.listeners.after_commit.append(EnqueueExports(send_export(app.state.celery)))
    add_problem_handlers(app)
    routers = (auth_router, tenancy_router, projects_router, tasks_router, comments_router)
    for router in (*routers, attachments_router, audit_router, exports_router):
        app.include_router(
            publish_required_roles(router), prefix=API_PREFIX, dependencies=[Depends(rate_limit)]
        )
    app.include_router(health_router)  # outside /api/v1: for the platform, not for clients
    if isinstance(storage, LocalStorage):
        # What S3 serves for presigned URLs, served here; not part of the contract, which is the
        # same whichever storage the app runs on.
        app.include_router(local_files_router(storage), include_in_schema=False)
    make_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = document_rate_limits(make_openapi(), API_PREFIX)
            app.openapi_schema = document_problems(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
