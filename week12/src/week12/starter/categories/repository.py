"""Storage of categories: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Category
from .schemas import CategoryIn


class CategoryRepository(ABC):
    """What the service needs from storage (the same interface as week 4's in-memory one)."""

    @abstractmethod
    async def add(self, data: CategoryIn) -> Category: ...

    @abstractmethod
    async def existing_ids(self, ids: set[int]) -> set[int]:
        """Which of ``ids`` exist: one query for any number (the bulk import checks thousands)."""

    @abstractmethod
    async def get(self, category_id: int, for_update: bool = False) -> Category | None:
        """The row, or None. ``for_update`` locks it until the transaction ends
        (``SELECT ... FOR UPDATE``): a change that reads the row first must lock it, or a
        concurrent request can change or delete it between the read and the write."""

    @abstractmethod
    async def get_by_name(self, name: str) -> Category | None:
        """The category whose name equals ``name`` ignoring case, if any."""

    @abstractmethod
    async def list_all(self) -> list[Category]:
        """Every category, in id order."""

    @abstractmethod
    async def replace(self, category: Category, data: CategoryIn) -> Category: ...

    @abstractmethod
    async def delete(self, category: Category) -> None: ...


class SqlCategoryRepository(CategoryRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place.

    Bound to one owner (week 9): every query sees only that user's categories, so another user's
    id looks exactly like an id that does not exist (404, never 403: no hint that it exists).
    """

    def __init__(self, session: AsyncSession, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _mine(self) -> Select[Category]:
        """The owner's categories: where every query of this repository starts."""
        return select(Category).where(Category.owner_id == self.owner_id)

    async def add(self, data: CategoryIn) -> Category:
        category = Category(**data.model_dump(), owner_id=self.owner_id)
        self.session.add(category)
        await self.session.flush()
        return category

    async def existing_ids(self, ids: set[int]) -> set[int]:
        query = self._mine().with_only_columns(Category.id).where(Category.id.in_(ids))
        return set(await self.session.scalars(query))

    async def get(self, category_id: int, for_update: bool = False) -> Category | None:
        query = self._mine().where(Category.id == category_id)
        if for_update:
            query = query.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(query)

    async def get_by_name(self, name: str) -> Category | None:
        query = self._mine().where(func.lower(Category.name) == func.lower(name))
        return await self.session.scalar(query)

    async def list_all(self) -> list[Category]:
        return list(await self.session.scalars(self._mine().order_by(Category.id)))

    async def replace(self, category: Category, data: CategoryIn) -> Category:
        category.name, category.description = data.name, data.description
        await self.session.flush()
        return category

    async def delete(self, category: Category) -> None:
        await self.session.delete(category)
        await self.session.flush()
