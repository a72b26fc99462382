"""The repositories of the caller's data: made for the user of the request's token.

Ownership is decided here, once, where the repositories are made (week 9): a route cannot reach
tasks, categories, tags or idempotency keys without a token, and then only its user's.
"""

from typing import Annotated

from fastapi import Depends

from .auth.dependencies import PrincipalDep
from .categories.repository import CategoryRepository, SqlCategoryRepository
from .dependencies import SessionDep
from .idempotency import IdempotencyKeys
from .tags.repository import SqlTagRepository, TagRepository
from .tasks.repository import SqlTaskRepository, TaskRepository


async def get_task_repository(session: SessionDep, principal: PrincipalDep) -> TaskRepository:
    return SqlTaskRepository(session, principal.user.id)


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
