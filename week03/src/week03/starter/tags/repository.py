"""Storage of tags: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Tag
from .schemas import TagIn


class TagRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # signature the in-memory class below has: add, get, get_by_name, list_all, replace, delete.


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
