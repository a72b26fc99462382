"""App-wide dependencies: one database session per request, and one repository per domain.

Weeks 3 and 4 handed every repository the in-memory store; now they get the request's
``AsyncSession``. Routers and services did not change: they depend on the repository interfaces.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .categories.repository import CategoryRepository, SqlCategoryRepository
from .idempotency import IdempotencyKeys
from .pagination import CursorCodec
from .tags.repository import SqlTagRepository, TagRepository
from .tasks.repository import SqlTaskRepository, TaskRepository


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """The app's session factory (made in the lifespan; tests override this dependency)."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return sessionmaker


SessionmakerDep = Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)]


async def get_session(sessionmaker: SessionmakerDep) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per request, committed here and nowhere else.

    An exception in the endpoint (a 404, a 409) is raised at the ``yield``: nothing is committed.
    ``scope="function"`` (below) runs the code after ``yield`` when the endpoint returns, BEFORE the
    response is sent: a failed commit becomes a 500, never a 201 for data that was not saved.
    (FastAPI's default, ``"request"``, runs it after the response has gone out.)
    """
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_task_repository(session: SessionDep) -> TaskRepository:
    return SqlTaskRepository(session)


async def get_category_repository(session: SessionDep) -> CategoryRepository:
    return SqlCategoryRepository(session)


async def get_tag_repository(session: SessionDep) -> TagRepository:
    return SqlTagRepository(session)


TaskRepositoryDep = Annotated[TaskRepository, Depends(get_task_repository)]
CategoryRepositoryDep = Annotated[CategoryRepository, Depends(get_category_repository)]
TagRepositoryDep = Annotated[TagRepository, Depends(get_tag_repository)]


async def get_idempotency_keys(session: SessionDep) -> IdempotencyKeys:
    return IdempotencyKeys(session)


async def get_cursor_codec(request: Request) -> CursorCodec:
    return CursorCodec(request.app.state.cursor_secret)


IdempotencyKeysDep = Annotated[IdempotencyKeys, Depends(get_idempotency_keys)]
CursorCodecDep = Annotated[CursorCodec, Depends(get_cursor_codec)]
