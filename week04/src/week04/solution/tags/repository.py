"""Storage of tags: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Tag
from .schemas import TagIn


class TagRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    @abstractmethod
    async def add(self, data: TagIn) -> Tag: ...

    @abstractmethod
    async def get(self, tag_id: int) -> Tag | None: ...

    @abstractmethod
    async def get_by_name(self, name: str) -> Tag | None:
        """The tag whose name equals ``name`` ignoring case, if any."""

    @abstractmethod
    async def list_all(self) -> list[Tag]:
        """Every tag, in id order."""

    @abstractmethod
    async def replace(self, tag: Tag, data: TagIn) -> Tag: ...

    @abstractmethod
    async def delete(self, tag: Tag) -> None: ...


class InMemoryTagRepository(TagRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self.rows = store.tags
        self.store = store

    async def add(self, data: TagIn) -> Tag:
        tag = Tag(id=self.store.next_id("tags"), **data.model_dump())
        self.rows[tag.id] = tag
        return tag

    async def get(self, tag_id: int) -> Tag | None:
        return self.rows.get(tag_id)

    async def get_by_name(self, name: str) -> Tag | None:
        wanted = name.casefold()
        return next((c for c in self.rows.values() if c.name.casefold() == wanted), None)

    async def list_all(self) -> list[Tag]:
        return sorted(self.rows.values(), key=lambda c: c.id)

    async def replace(self, tag: Tag, data: TagIn) -> Tag:
        tag.name = data.name
        return tag

    async def delete(self, tag: Tag) -> None:
        del self.rows[tag.id]
