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
        raise NotImplementedError("TODO: refuse a taken name (TagNameTakenError), else add the tag")

    async def get(self, tag_id: int) -> Tag:
        raise NotImplementedError("TODO: return the tag or raise TagNotFoundError")

    async def list_all(self) -> list[Tag]:
        raise NotImplementedError("TODO: every tag, in id order")

    async def replace(self, tag_id: int, data: TagIn) -> Tag:
        raise NotImplementedError("TODO: 404 if missing; 409 if another has the name")

    async def delete(self, tag_id: int) -> None:
        raise NotImplementedError("TODO: 404 if missing; TagInUseError if a task uses it")
