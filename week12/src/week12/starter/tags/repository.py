"""Storage of tags: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Tag
from .schemas import TagIn


class TagRepository(ABC):
    """What the service needs from storage (the same interface as week 4's in-memory one)."""

    @abstractmethod
    async def add(self, data: TagIn) -> Tag: ...

    @abstractmethod
    async def existing_ids(self, ids: set[int]) -> set[int]:
        """Which of ``ids`` exist: one query for any number (the bulk import checks thousands)."""

    @abstractmethod
    async def get(self, tag_id: int, for_update: bool = False) -> Tag | None:
        """The row, or None. ``for_update`` locks it until the transaction ends
        (``SELECT ... FOR UPDATE``): a change that reads the row first must lock it, or a
        concurrent request can change or delete it between the read and the write."""

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


class SqlTagRepository(TagRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place.

    Bound to one owner (week 9): every query sees only that user's tags, so another user's id
    looks exactly like an id that does not exist (404, never 403: no hint that it exists).
    """

    def __init__(self, session: AsyncSession, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _mine(self) -> Select[Tag]:
        """The owner's tags: where every query of this repository starts."""
        return select(Tag).where(Tag.owner_id == self.owner_id)

    async def add(self, data: TagIn) -> Tag:
        tag = Tag(name=data.name, owner_id=self.owner_id)
        self.session.add(tag)
        await self.session.flush()
        return tag

    async def existing_ids(self, ids: set[int]) -> set[int]:
        query = self._mine().with_only_columns(Tag.id).where(Tag.id.in_(ids))
        return set(await self.session.scalars(query))

    async def get(self, tag_id: int, for_update: bool = False) -> Tag | None:
        query = self._mine().where(Tag.id == tag_id)
        if for_update:
            query = query.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(query)

    async def get_by_name(self, name: str) -> Tag | None:
        return await self.session.scalar(
            self._mine().where(func.lower(Tag.name) == func.lower(name))
        )

    async def list_all(self) -> list[Tag]:
        return list(await self.session.scalars(self._mine().order_by(Tag.id)))

    async def replace(self, tag: Tag, data: TagIn) -> Tag:
        tag.name = data.name
        await self.session.flush()
        return tag

    async def delete(self, tag: Tag) -> None:
        await self.session.delete(tag)
        await self.session.flush()
