from typing import Annotated

from fastapi import Depends

from ..dependencies import CategoryRepositoryDep, TagRepositoryDep, TaskRepositoryDep
from .service import TaskService


async def get_task_service(
    tasks: TaskRepositoryDep, categories: CategoryRepositoryDep, tags: TagRepositoryDep
) -> TaskService:
    # BEGIN SOLUTION a TaskService on these repositories
    return TaskService(tasks, categories, tags)
    # END SOLUTION


TaskServiceDep = Annotated[TaskService, Depends(get_task_service)]
