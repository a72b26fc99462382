"""N+1 queries: found by counting statements per request, fixed with a loader option.

``GET /projects`` lists projects with their tasks. Loading each project's tasks when it is
touched costs one query for the projects plus one per project (N+1): fast with 3 rows in
development, hundreds of round trips in production. ``selectinload(Project.tasks)`` loads all the
tasks in one more query (``WHERE project_id IN (...)``): 2 statements whatever N is.

To *find* N+1 in production, ``QueryBudget`` counts the statements each request runs (an engine
event, a per-request counter in a context variable), returns the count in ``X-Query-Count`` and
logs a warning when a request goes over its budget.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Response
from sqlalchemy import ForeignKey, String, event, select
from sqlalchemy.ext.asyncio import AsyncAttrs, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload

log = logging.getLogger("week12.query_budget")


class Base(AsyncAttrs, DeclarativeBase):
    pass


class Project(Base):
    __tablename__ = "perf_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    tasks: Mapped[list[Task]] = relationship(order_by="Task.id")


class Task(Base):
    __tablename__ = "perf_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[int] = mapped_column(ForeignKey("perf_projects.id", ondelete="CASCADE"))


_statements: ContextVar[list[str] | None] = ContextVar("statements", default=None)


class QueryBudget:
    """Counts the statements of each request on ``engine``; warns above ``budget``."""

    def __init__(self, engine: AsyncEngine, budget: int) -> None:
        self.budget = budget
        event.listen(engine.sync_engine, "before_cursor_execute", self._record)

    @staticmethod
    def _record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements = _statements.get()
        if statements is not None:  # outside a request (start-up, scripts): not counted
            statements.append(statement)

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        statements: list[str] = []
        token = _statements.set(statements)
        try:
            response = await call_next(request)
        finally:
            _statements.reset(token)
        response.headers["X-Query-Count"] = str(len(statements))
        if len(statements) > self.budget:
            log.warning(
                "%s %s ran %d queries (budget %d): an N+1?",
                request.method,
                request.url.path,
                len(statements),
                self.budget,
            )
        return response


async def projects_lazily(session: AsyncSession) -> list[dict[str, Any]]:
    projects = (await session.scalars(select(Project).order_by(Project.id))).all()
    # One SELECT per project: the N of N+1.
    return [
        {"name": p.name, "tasks": [t.title for t in await p.awaitable_attrs.tasks]}
        for p in projects
    ]


async def projects_eagerly(session: AsyncSession) -> list[dict[str, Any]]:
    query = select(Project).options(selectinload(Project.tasks)).order_by(Project.id)
    projects = (await session.scalars(query)).all()
    return [{"name": p.name, "tasks": [t.title for t in p.tasks]} for p in projects]


async def session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.sessions() as s:
        yield s


Session = Annotated[AsyncSession, Depends(session)]


def create_app(engine: AsyncEngine, budget: int = 5) -> FastAPI:
    app = FastAPI()
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
    app.middleware("http")(QueryBudget(engine, budget))

    @app.get("/projects/lazy")
    async def lazy(s: Session) -> list[dict[str, Any]]:
        return await projects_lazily(s)

    @app.get("/projects")
    async def eager(s: Session) -> list[dict[str, Any]]:
        return await projects_eagerly(s)

    return app
