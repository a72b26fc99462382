"""The repositories of the caller's data: made for the user of the request's token.

Ownership is decided here, once, where the repositories are made (week 9): a route cannot reach
tasks, categories, tags or idempotency keys without a token, and then only its user's.

Week 10: the user's read cache is made here too, bound to the same user: a cached read of one
user can never be served to another. The task repository is wrapped so that every write marks
that user's cached reads stale (``tasks/cached.py``).

Week 12: and to announce every write to the user's sockets (``tasks/notifying.py``).
"""

from typing import Annotated

from fastapi import Depends, Request

from .auth.dependencies import PrincipalDep
from .caching.read_cache import ReadCache
from .categories.repository import CategoryRepository, SqlCategoryRepository
from .dependencies import AfterCommitDep, GuardDep, MetricsDep, SessionDep, SettingsDep
from .idempotency import IdempotencyKeys
from .realtime.publisher import RequestEvents
from .tags.repository import SqlTagRepository, TagRepository
from .tasks.cached import InvalidatingTaskRepository
from .tasks.notifying import NotifyingTaskRepository
from .tasks.repository import SqlTaskRepository, TaskRepository


async def get_read_cache(
    principal: PrincipalDep,
    guard: GuardDep,
    metrics: MetricsDep,
    after_commit: AfterCommitDep,
    settings: SettingsDep,
) -> ReadCache:
    return ReadCache(guard, metrics, after_commit, principal.user.id, settings.cache)


ReadCacheDep = Annotated[ReadCache, Depends(get_read_cache)]


async def get_request_events(request: Request, after_commit: AfterCommitDep) -> RequestEvents:
    """The request's events, published (by the app's publisher) after its commit."""
    # BEGIN SOLUTION app.state.publish and the request's after_commit
    return RequestEvents(request.app.state.publish, after_commit)
    # END SOLUTION


RequestEventsDep = Annotated[RequestEvents, Depends(get_request_events)]


async def get_task_repository(
    session: SessionDep, principal: PrincipalDep, cache: ReadCacheDep, events: RequestEventsDep
) -> TaskRepository:
    # BEGIN SOLUTION week 10's repository, wrapped to announce the writes
    user_id = principal.user.id
    invalidating = InvalidatingTaskRepository(SqlTaskRepository(session, user_id), cache)
    return NotifyingTaskRepository(invalidating, events, user_id)
    # END SOLUTION


async def get_category_repository(
    session: SessionDep, principal: PrincipalDep
) -> CategoryRepository:
    return SqlCategoryRepository(session, principal.user.id)


async def get_tag_repository(session: SessionDep, principal: PrincipalDep) -> TagRepository:
    return SqlTagRepository(session, principal.user.id)


async def get_idempotency_keys(session: SessionDep, principal: PrincipalDep) -> IdempotencyKeys:
    return IdempotencyKeys(session, principal.user.id)


TaskRepositoryDep = Annotated[TaskRepository, Depends(get_task_repository)]
CategoryRepositoryDep = Annotated[CategoryRepository, Depends(get_category_repository)]
TagRepositoryDep = Annotated[TagRepository, Depends(get_tag_repository)]
IdempotencyKeysDep = Annotated[IdempotencyKeys, Depends(get_idempotency_keys)]
