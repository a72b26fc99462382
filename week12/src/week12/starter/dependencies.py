"""App-wide dependencies: one database session per request, the settings, the clock, the codecs.

The repositories of tasks, categories and tags are made in ``owned.py`` (week 9): for the user
who is calling, and only after the token said who that is.
"""

from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from .after_commit import AfterCommit
from .auth.passwords import Passwords
from .auth.tokens import TokenCodec
from .caching.guard import RedisGuard
from .caching.metrics import CacheMetrics
from .db_errors import app_error
from .errors import AppError
from .pagination import CursorCodec
from .settings import Settings


# `async def` on purpose: FastAPI runs plain `def` dependencies in a thread pool (a thread hop each).
async def get_sessionmaker(request: Request) -> Callable[[], AsyncSession]:
    """The app's session factory (made in the lifespan, or given to ``create_app``)."""
    sessionmaker: Callable[[], AsyncSession] = request.app.state.sessionmaker
    return sessionmaker


SessionmakerDep = Annotated[Callable[[], AsyncSession], Depends(get_sessionmaker)]


async def get_after_commit() -> AfterCommit:
    """The request's list of work for after its commit (FastAPI makes one per request and gives
    the same one to every dependency that asks)."""
    return AfterCommit()


AfterCommitDep = Annotated[AfterCommit, Depends(get_after_commit)]


async def get_session(
    sessionmaker: SessionmakerDep, after_commit: AfterCommitDep
) -> AsyncIterator[AsyncSession]:
    """One session and one transaction per request, committed here and nowhere else.

    An exception in the endpoint (a 404, a 409) is raised at the ``yield``: nothing is committed,
    except for the errors that must leave a trace (``AppError.keeps_changes``: a counted failed
    login, a revoked token family). ``scope="function"`` (below) runs the code after ``yield``
    when the endpoint returns, BEFORE the response is sent: a failed commit is never a 201 for
    data that was not saved. (FastAPI's default, ``"request"``, runs it after the response has
    gone out.)

    A database error, in a flush during the request or in the commit, is translated here, in one
    place (``db_errors.app_error``): a constraint that a concurrent request made us break is a
    409 or 422; anything else is raised as it is (a bug: 500; a lost race: ``retries.py``).

    Week 10: after a commit, the work the request registered in ``after_commit`` runs (the cache
    invalidations), still before the response: the client's next read sees its write.
    """
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except DBAPIError as exc:
            await session.rollback()
            if (error := app_error(exc)) is None:
                raise
            raise error from exc
        except AppError as exc:
            if not exc.keeps_changes:
                await session.rollback()
                raise
            await session.commit()
            await after_commit.run()
            raise
        except BaseException:
            await session.rollback()
            raise
        await after_commit.run()


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_clock(request: Request) -> Callable[[], datetime]:
    """The app's clock (``app.state.clock``): tests move it instead of waiting."""
    clock: Callable[[], datetime] = request.app.state.clock
    return clock


async def get_token_codec(request: Request) -> TokenCodec:
    codec: TokenCodec = request.app.state.tokens
    return codec


async def get_passwords(request: Request) -> Passwords:
    passwords: Passwords = request.app.state.passwords
    return passwords


async def get_cursor_codec(request: Request) -> CursorCodec:
    return CursorCodec(request.app.state.settings.cursor_secret)


async def get_guard(request: Request) -> RedisGuard:
    """The process's way to Redis (made in the lifespan)."""
    guard: RedisGuard = request.app.state.guard
    return guard


async def get_metrics(request: Request) -> CacheMetrics:
    metrics: CacheMetrics = request.app.state.metrics
    return metrics


SettingsDep = Annotated[Settings, Depends(get_settings)]
GuardDep = Annotated[RedisGuard, Depends(get_guard)]
MetricsDep = Annotated[CacheMetrics, Depends(get_metrics)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]
TokenCodecDep = Annotated[TokenCodec, Depends(get_token_codec)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]
CursorCodecDep = Annotated[CursorCodec, Depends(get_cursor_codec)]
