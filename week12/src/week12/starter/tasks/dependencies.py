from typing import Annotated

from fastapi import Depends

from ..dependencies import SessionDep
from ..owned import CategoryRepositoryDep, ReadCacheDep, TagRepositoryDep, TaskRepositoryDep
from ..pipeline.outbox import Outbox
from .cached import CachedTaskReads
from .service import TaskService


async def get_task_service(
    tasks: TaskRepositoryDep,
    categories: CategoryRepositoryDep,
    tags: TagRepositoryDep,
    session: SessionDep,
) -> TaskService:
    return TaskService(tasks, categories, tags, Outbox(session))


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]


async def get_cached_task_reads(service: TaskServiceDep, cache: ReadCacheDep) -> CachedTaskReads:
    return CachedTaskReads(service, cache)


CachedTaskReadsDep = Annotated[CachedTaskReads, Depends(get_cached_task_reads)]
