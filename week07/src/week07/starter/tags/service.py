"""Business rules of tags: names are unique (ignoring case); a tag in use stays."""

from ..tasks.repository import TaskRepository
from .exceptions import TagInUseError, TagNameTakenError, TagNotFoundError
from .models import Tag
from .repository import TagRepository
from .schemas import TagIn


class TagService:
    def __init__(self, tags: TagRepository, tasks: TaskRepository) -> None:
        self.tags = tags
        self.tasks = tasks

    async def create(self, data: TagIn) -> Tag:
        if await self.tags.get_by_name(data.name) is not None:
            raise TagNameTakenError(data.name)
        return await self.tags.add(data)

    async def get(self, tag_id: int, for_update: bool = False) -> Tag:
        tag = await self.tags.get(tag_id, for_update)
        if tag is None:
            raise TagNotFoundError(tag_id)
        return tag

    async def list_all(self) -> list[Tag]:
        return await self.tags.list_all()

    async def replace(self, tag_id: int, data: TagIn) -> Tag:
        raise NotImplementedError("TODO: lock it; name of another: TagNameTakenError")

    async def delete(self, tag_id: int) -> None:
        raise NotImplementedError("TODO: lock it; in use: TagInUseError; delete")
