"""App-wide dependencies: one database session per request, the settings, the clock, the codecs.

Who the caller is lives in ``auth/dependencies.py``; in which organisation and with which role,
in ``tenancy/dependencies.py``.
"""

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .db_errors import app_error
from .errors import AppError
from .events import Listeners
from .pagination import CursorCodec

Clock = Callable[[], datetime]


async def get_sessionmaker(request: Request) -> async_sessionmaker[AsyncSession]:
    """The app's session factory (made in the lifespan; tests override this dependency)."""
    # BEGIN SOLUTION task 0
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    return sessionmaker
    # END SOLUTION


SessionmakerDep = Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)]


async def get_listeners(request: Request) -> Listeners:
    """Who hears of a transaction's changes (``events.Listeners``, made by ``create_app``)."""
    # BEGIN SOLUTION task 0
    listeners: Listeners = request.app.state.listeners
    return listeners
    # END SOLUTION


ListenersDep = Annotated[Listeners, Depends(get_listeners)]


async def get_session(
    sessionmaker: SessionmakerDep, listeners: ListenersDep
) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per request, committed here and nowhere else: the change
    and its audit event ([ADR 0006](../../../docs/adr/0006-audit-in-the-same-transaction.md))
    commit or roll back together, and so does what the ``before_commit`` listeners write; the
    ``after_commit`` ones hear of the changes once they are committed. ``scope="function"``
    (below) commits before the response is sent, so a failed commit is never a 201. Database
    errors are translated in one place."""
    # BEGIN SOLUTION task 0: listeners, commit, or roll back and translate
    async with sessionmaker() as session:
        try:
            yield session
            await listeners.committing(session)
            await session.commit()
        except DBAPIError as exc:
            await session.rollback()
            if (error := app_error(exc)) is None:
                raise
            raise error from exc
        except AppError as exc:
            await (session.commit() if exc.keeps_changes else session.rollback())
            raise
        except BaseException:
            await session.rollback()
            raise
        await listeners.committed(session)
    # END SOLUTION


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_clock(request: Request) -> Clock:
    """The app's clock (``app.state.clock``): tests move it instead of waiting."""
    # BEGIN SOLUTION task 0
    clock: Clock = request.app.state.clock
    return clock
    # END SOLUTION


async def get_cursor_codec(request: Request) -> CursorCodec:
    # BEGIN SOLUTION task 0
    codec: CursorCodec = request.app.state.cursors
    return codec
    # END SOLUTION


ClockDep = Annotated[Clock, Depends(get_clock)]
CursorCodecDep = Annotated[CursorCodec, Depends(get_cursor_codec)]
