"""App-wide dependencies: one database session per request, and one repository per domain.

Weeks 3 and 4 handed every repository the in-memory store; now they get the request's
``AsyncSession``. Routers and services did not change: they depend on the repository interfaces.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .categories.repository import CategoryRepository, SqlCategoryRepository
from .db_errors import app_error
from .idempotency import IdempotencyKeys
from .pagination import CursorCodec
from .tags.repository import SqlTagRepository, TagRepository
from .tasks.repository import SqlTaskRepository, TaskRepository


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """The app's session factory (made in the lifespan; tests override this dependency)."""
    # BEGIN SOLUTION the app's state holds it
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return sessionmaker
    # END SOLUTION


SessionmakerDep = Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)]


async def get_session(sessionmaker: SessionmakerDep) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per request, committed here and nowhere else.

    An exception in the endpoint (a 404, a 409) is raised at the ``yield``: nothing is committed.
    ``scope="function"`` (below) runs the code after ``yield`` when the endpoint returns, BEFORE the
    response is sent: a failed commit is never a 201 for data that was not saved.
    (FastAPI's default, ``"request"``, runs it after the response has gone out.)

    A database error, in a flush during the request or in the commit, is translated here, in one
    place (``db_errors.app_error``): a constraint that a concurrent request made us break is a
    409 or 422; anything else is raised as it is (a bug: 500; a lost race: ``retries.py``).
    """
    # BEGIN SOLUTION yield, commit; roll back on error; DBAPIError -> app_error
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except DBAPIError as exc:
            await session.rollback()
            if (error := app_error(exc)) is None:
                raise
            raise error from exc
        except BaseException:
            await session.rollback()
            raise
    # END SOLUTION


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_task_repository(session: SessionDep) -> TaskRepository:
    # BEGIN SOLUTION a SqlTaskRepository on the request's session
    return SqlTaskRepository(session)
    # END SOLUTION


async def get_category_repository(session: SessionDep) -> CategoryRepository:
    # BEGIN SOLUTION a SqlCategoryRepository on the request's session
    return SqlCategoryRepository(session)
    # END SOLUTION


async def get_tag_repository(session: SessionDep) -> TagRepository:
    # BEGIN SOLUTION a SqlTagRepository on the request's session
    return SqlTagRepository(session)
    # END SOLUTION


TaskRepositoryDep = Annotated[TaskRepository, Depends(get_task_repository)]
CategoryRepositoryDep = Annotated[CategoryRepository, Depends(get_category_repository)]
TagRepositoryDep = Annotated[TagRepository, Depends(get_tag_repository)]


async def get_idempotency_keys(session: SessionDep) -> IdempotencyKeys:
    # BEGIN SOLUTION IdempotencyKeys on the request's session
    return IdempotencyKeys(session)
    # END SOLUTION


async def get_cursor_codec(request: Request) -> CursorCodec:
    return CursorCodec(request.app.state.cursor_secret)


IdempotencyKeysDep = Annotated[IdempotencyKeys, Depends(get_idempotency_keys)]
CursorCodecDep = Annotated[CursorCodec, Depends(get_cursor_codec)]
