from typing import Annotated

from fastapi import Depends

from ..dependencies import CategoryRepositoryDep, TaskRepositoryDep
from .service import CategoryService


async def get_category_service(
    categories: CategoryRepositoryDep, tasks: TaskRepositoryDep
) -> CategoryService:
    # BEGIN SOLUTION a CategoryService on these repositories
    return CategoryService(categories, tasks)
    # END SOLUTION


CategoryServiceDep = Annotated[CategoryService, Depends(get_category_service)]
