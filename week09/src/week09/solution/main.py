"""The application factory: ``uvicorn --factory week09.solution.main:create_app``.

The schema is not created here: ``alembic upgrade head`` builds it (see the week's README).
"""

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI

from .categories.router import router as categories_router
from .db import database_url, make_engine, make_sessionmaker
from .problems import add_problem_handlers, use_problem_media_type
from .request_logging import RequestLoggingMiddleware, configure_logging
from .tags.router import router as tags_router
from .tasks.router import router as tasks_router
from .tasks.router_v2 import router as tasks_v2_router
from .versioning import add_versioned_docs

DESCRIPTION = """
Tasks, categories and tags, stored in PostgreSQL.

Two versions: `/api/v1` (the week 3 contract, frozen) and `/api/v2` (cursor pagination, renamed
fields, links, ETag/If-Match, bulk import). Each has its own document: `/api/v1/docs`,
`/api/v2/docs`.

Errors use one body everywhere: RFC 9457 problem details (`application/problem+json`).
"""


class TaskManagerAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        # FastAPI documents every body as application/json; error bodies are problem+json.
        return use_problem_media_type(super().openapi())


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # One engine (and its connection pool) per process, closed on shutdown. Creating it does not
    # connect yet: the first request does.
    engine = make_engine(app.state.database_url)
    app.state.sessionmaker = make_sessionmaker(engine)
    try:
        yield
    finally:
        await engine.dispose()


def create_app(url: str | None = None, cursor_secret: bytes | None = None) -> FastAPI:
    """A new app on the database at ``url`` (default: ``DATABASE_URL``, else the dev database).

    ``cursor_secret`` signs pagination cursors: ``CURSOR_SECRET`` if set (cursors then survive a
    restart, as the data now does), else a random one per app. Week 08 reads it from settings.
    """
    configure_logging()
    app = TaskManagerAPI(
        title="Task Manager API", version="0.7.0", description=DESCRIPTION, lifespan=lifespan
    )
    app.state.database_url = url or database_url()
    app.state.cursor_secret = (
        cursor_secret or os.environ.get("CURSOR_SECRET", "").encode() or secrets.token_bytes(32)
    )
    add_problem_handlers(app)
    app.add_middleware(RequestLoggingMiddleware)
    v1 = APIRouter(prefix="/api/v1")
    v1.include_router(tasks_router)
    v1.include_router(categories_router)
    v1.include_router(tags_router)
    v2 = APIRouter(prefix="/api/v2")
    v2.include_router(tasks_v2_router)
    app.include_router(v1)
    app.include_router(v2)
    add_versioned_docs(app)
    return app
