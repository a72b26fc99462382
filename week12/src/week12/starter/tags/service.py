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
        tag = await self.get(tag_id, for_update=True)
        same_name = await self.tags.get_by_name(data.name)
        if same_name is not None and same_name.id != tag.id:
            raise TagNameTakenError(data.name)
        return await self.tags.replace(tag, data)

    async def delete(self, tag_id: int) -> None:
        # Locked: a task created meanwhile waits for us (its foreign key check needs the row),
        # or, if it came first, we wait for it and then see it below.
        tag = await self.get(tag_id, for_update=True)
        if await self.tasks.any_with_tag(tag_id):
            raise TagInUseError(tag_id)
        await self.tags.delete(tag)
