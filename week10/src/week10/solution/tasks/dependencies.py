from typing import Annotated

from fastapi import Depends

from ..owned import CategoryRepositoryDep, TagRepositoryDep, TaskRepositoryDep
from .service import TaskService


async def get_task_service(
    tasks: TaskRepositoryDep, categories: CategoryRepositoryDep, tags: TagRepositoryDep
) -> TaskService:
    return TaskService(tasks, categories, tags)


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]
