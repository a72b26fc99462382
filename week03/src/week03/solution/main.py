"""The application factory: ``uvicorn --factory week03.solution.main:create_app``."""

from typing import Any

from fastapi import FastAPI

from .categories.router import router as categories_router
from .http_methods import HeadAndOptionsMiddleware
from .problems import add_problem_handlers, use_problem_media_type
from .request_logging import RequestLoggingMiddleware, configure_logging
from .storage import InMemoryStore
from .tags.router import router as tags_router
from .tasks.router import router as tasks_router

DESCRIPTION = """
Tasks, categories and tags, kept in memory (restarting the server empties it).

Errors use one body everywhere: RFC 9457 problem details (`application/problem+json`).
"""


class TaskManagerAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        # FastAPI documents every body as application/json; error bodies are problem+json.
        return use_problem_media_type(super().openapi())


def create_app() -> FastAPI:
    """A new app with its own empty store (tests get a fresh one each time)."""
    configure_logging()
    app = TaskManagerAPI(title="Task Manager API", version="0.3.0", description=DESCRIPTION)
    app.state.store = InMemoryStore()
    # BEGIN SOLUTION
    add_problem_handlers(app)
    app.add_middleware(HeadAndOptionsMiddleware)
    app.add_middleware(RequestLoggingMiddleware)  # added last: the outermost, it logs everything
    # REPLACE WITH
    # # TODO (task 6): the problem handlers, then the HEAD/OPTIONS and the logging middleware
    # END SOLUTION
    # BEGIN SOLUTION
    app.include_router(tasks_router)
    app.include_router(categories_router)
    app.include_router(tags_router)
    # REPLACE WITH
    # # TODO (task 5): include the routers of tasks, categories and tags
    # END SOLUTION
    return app
