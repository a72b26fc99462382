"""Storage of tags: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Tag
from .schemas import TagIn


class TagRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    # BEGIN SOLUTION
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

    # REPLACE WITH
    # # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # # signature the in-memory class below has: add, get, get_by_name, list_all, replace, delete.
    # END SOLUTION


class InMemoryTagRepository(TagRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self.rows = store.tags
        self.store = store

    async def add(self, data: TagIn) -> Tag:
        # BEGIN SOLUTION store a new Tag with the next tags id
        tag = Tag(id=self.store.next_id("tags"), **data.model_dump())
        self.rows[tag.id] = tag
        return tag
        # END SOLUTION

    async def get(self, tag_id: int) -> Tag | None:
        # BEGIN SOLUTION return the row with this id, or None
        return self.rows.get(tag_id)
        # END SOLUTION

    async def get_by_name(self, name: str) -> Tag | None:
        # BEGIN SOLUTION the row with this name, ignoring case (casefold)
        wanted = name.casefold()
        return next((c for c in self.rows.values() if c.name.casefold() == wanted), None)
        # END SOLUTION

    async def list_all(self) -> list[Tag]:
        # BEGIN SOLUTION every row, sorted by id
        return sorted(self.rows.values(), key=lambda c: c.id)
        # END SOLUTION

    async def replace(self, tag: Tag, data: TagIn) -> Tag:
        # BEGIN SOLUTION rename the row to data.name and return it
        tag.name = data.name
        return tag
        # END SOLUTION

    async def delete(self, tag: Tag) -> None:
        # BEGIN SOLUTION remove the row
        del self.rows[tag.id]
        # END SOLUTION
