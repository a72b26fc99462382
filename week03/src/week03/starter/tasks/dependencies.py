from typing import Annotated

from fastapi import Depends

from ..dependencies import CategoryRepositoryDep, TagRepositoryDep, TaskRepositoryDep
from .service import TaskService


async def get_task_service(
    tasks: TaskRepositoryDep, categories: CategoryRepositoryDep, tags: TagRepositoryDep
) -> TaskService:
    raise NotImplementedError("TODO: a TaskService on these repositories")


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]
