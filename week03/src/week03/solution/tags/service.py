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
        # BEGIN SOLUTION refuse a taken name (TagNameTakenError), else add the tag
        if await self.tags.get_by_name(data.name) is not None:
            raise TagNameTakenError(data.name)
        return await self.tags.add(data)
        # END SOLUTION

    async def get(self, tag_id: int) -> Tag:
        # BEGIN SOLUTION return the tag or raise TagNotFoundError
        tag = await self.tags.get(tag_id)
        if tag is None:
            raise TagNotFoundError(tag_id)
        return tag
        # END SOLUTION

    async def list_all(self) -> list[Tag]:
        # BEGIN SOLUTION every tag, in id order
        return await self.tags.list_all()
        # END SOLUTION

    async def replace(self, tag_id: int, data: TagIn) -> Tag:
        # BEGIN SOLUTION 404 if missing; 409 if another has the name
        tag = await self.get(tag_id)
        same_name = await self.tags.get_by_name(data.name)
        if same_name is not None and same_name.id != tag.id:
            raise TagNameTakenError(data.name)
        return await self.tags.replace(tag, data)
        # END SOLUTION

    async def delete(self, tag_id: int) -> None:
        # BEGIN SOLUTION 404 if missing; TagInUseError if a task uses it
        tag = await self.get(tag_id)
        if await self.tasks.any_with_tag(tag_id):
            raise TagInUseError(tag_id)
        await self.tags.delete(tag)
        # END SOLUTION
