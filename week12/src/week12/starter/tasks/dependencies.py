from typing import Annotated

from fastapi import Depends

from ..auth.dependencies import PrincipalDep
from ..categories.repository import SqlCategoryRepository
from ..dependencies import SessionDep
from ..owned import CategoryRepositoryDep, ReadCacheDep, TagRepositoryDep, TaskRepositoryDep
from ..pipeline.outbox import Outbox
from ..tags.repository import SqlTagRepository
from .cached import CachedTaskReads
from .repository import SqlTaskRepository
from .service import TaskService


async def get_task_service(
    tasks: TaskRepositoryDep,
    categories: CategoryRepositoryDep,
    tags: TagRepositoryDep,
    session: SessionDep,
) -> TaskService:
    return TaskService(tasks, categories, tags, Outbox(session))


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]


async def get_cached_task_reads(
    session: SessionDep, principal: PrincipalDep, cache: ReadCacheDep
) -> CachedTaskReads:
    # Week 12: the reads, built here in one dependency. Through ``TaskServiceDep`` every list
    # resolved the write path too (the invalidating and notifying repository, the request's
    # events, the category and tag repositories: six more dependencies) to use none of it: reads
    # only ask ``TaskRepository`` for rows.
    raise NotImplementedError("TODO: the plain SQL repositories, no dependencies")


CachedTaskReadsDep = Annotated[CachedTaskReads, Depends(get_cached_task_reads)]
