"""Storage of tags: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod

from sqlalchemy import func, select
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
    """Queries only; the request's session commits (or rolls back) once, in one place."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, data: TagIn) -> Tag:
        tag = Tag(name=data.name)
        self.session.add(tag)
        await self.session.flush()
        return tag

    async def existing_ids(self, ids: set[int]) -> set[int]:
        raise NotImplementedError("TODO: one SELECT id ... WHERE id IN (...)")

    async def get(self, tag_id: int, for_update: bool = False) -> Tag | None:
        raise NotImplementedError("TODO: session.get; for_update: FOR UPDATE, fresh values")

    async def get_by_name(self, name: str) -> Tag | None:
        return await self.session.scalar(
            select(Tag).where(func.lower(Tag.name) == func.lower(name))
        )

    async def list_all(self) -> list[Tag]:
        return list(await self.session.scalars(select(Tag).order_by(Tag.id)))

    async def replace(self, tag: Tag, data: TagIn) -> Tag:
        tag.name = data.name
        await self.session.flush()
        return tag

    async def delete(self, tag: Tag) -> None:
        await self.session.delete(tag)
        await self.session.flush()
