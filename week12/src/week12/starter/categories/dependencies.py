from typing import Annotated

from fastapi import Depends

from ..owned import CategoryRepositoryDep, TaskRepositoryDep
from .service import CategoryService


async def get_category_service(
    categories: CategoryRepositoryDep, tasks: TaskRepositoryDep
) -> CategoryService:
    return CategoryService(categories, tasks)


CategoryServiceDep = Annotated[CategoryService, Depends(get_category_service)]
