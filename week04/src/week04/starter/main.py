"""The application factory: ``uvicorn --factory week04.starter.main:create_app``."""

import secrets
from typing import Any

from fastapi import APIRouter, FastAPI

from .categories.router import router as categories_router
from .http_methods import HeadAndOptionsMiddleware
from .problems import add_problem_handlers, use_problem_media_type
from .request_logging import RequestLoggingMiddleware, configure_logging
from .storage import InMemoryStore
from .tags.router import router as tags_router
from .tasks.router import router as tasks_router
from .tasks.router_v2 import router as tasks_v2_router
from .versioning import add_versioned_docs

DESCRIPTION = """
Tasks, categories and tags, kept in memory (restarting the server empties it).

Two versions: `/api/v1` (the week 3 contract, frozen) and `/api/v2` (cursor pagination, renamed
fields, links). Each has its own document: `/api/v1/docs`, `/api/v2/docs`.

Errors use one body everywhere: RFC 9457 problem details (`application/problem+json`).
"""


class TaskManagerAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        # FastAPI documents every body as application/json; error bodies are problem+json.
        return use_problem_media_type(super().openapi())


def create_app(cursor_secret: bytes | None = None) -> FastAPI:
    """A new app with its own empty store (tests get a fresh one each time).

    ``cursor_secret`` signs pagination cursors; by default a random one per app, so cursors die
    with the in-memory data on restart. Week 08 reads it from settings.
    """
    configure_logging()
    app = TaskManagerAPI(title="Task Manager API", version="0.4.0", description=DESCRIPTION)
    app.state.store = InMemoryStore()
    app.state.cursor_secret = cursor_secret or secrets.token_bytes(32)
    add_problem_handlers(app)
    app.add_middleware(HeadAndOptionsMiddleware)
    app.add_middleware(RequestLoggingMiddleware)  # added last: the outermost, it logs everything
    v1 = APIRouter(prefix="/api/v1")
    v1.include_router(tasks_router)
    v1.include_router(categories_router)
    v1.include_router(tags_router)
    app.include_router(v1)
    # TODO (task 3): mount the v2 tasks router under /api/v2
    add_versioned_docs(app)
    return app
