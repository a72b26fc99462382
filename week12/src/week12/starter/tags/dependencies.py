from typing import Annotated

from fastapi import Depends

from ..owned import TagRepositoryDep, TaskRepositoryDep
from .service import TagService


async def get_tag_service(tags: TagRepositoryDep, tasks: TaskRepositoryDep) -> TagService:
    return TagService(tags, tasks)


TagServiceDep = Annotated[TagService, Depends(get_tag_service)]
