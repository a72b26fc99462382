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
        raise NotImplementedError("TODO: store a new Tag with the next tags id")

    async def get(self, tag_id: int) -> Tag | None:
        raise NotImplementedError("TODO: return the row with this id, or None")

    async def get_by_name(self, name: str) -> Tag | None:
        raise NotImplementedError("TODO: the row with this name, ignoring case (casefold)")

    async def list_all(self) -> list[Tag]:
        raise NotImplementedError("TODO: every row, sorted by id")

    async def replace(self, tag: Tag, data: TagIn) -> Tag:
        raise NotImplementedError("TODO: rename the row to data.name and return it")

    async def delete(self, tag: Tag) -> None:
        raise NotImplementedError("TODO: remove the row")
