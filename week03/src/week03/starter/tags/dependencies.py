from typing import Annotated

from fastapi import Depends

from ..dependencies import TagRepositoryDep, TaskRepositoryDep
from .service import TagService


async def get_tag_service(tags: TagRepositoryDep, tasks: TaskRepositoryDep) -> TagService:
    raise NotImplementedError("TODO: a TagService on these repositories")


TagServiceDep = Annotated[TagService, Depends(get_tag_service)]
