"""Storage of categories: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Category
from .schemas import CategoryIn


class CategoryRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    @abstractmethod
    async def add(self, data: CategoryIn) -> Category: ...

    @abstractmethod
    async def get(self, category_id: int) -> Category | None: ...

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


class InMemoryCategoryRepository(CategoryRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self.rows = store.categories
        self.store = store

    async def add(self, data: CategoryIn) -> Category:
        category = Category(id=self.store.next_id("categories"), **data.model_dump())
        self.rows[category.id] = category
        return category

    async def get(self, category_id: int) -> Category | None:
        return self.rows.get(category_id)

    async def get_by_name(self, name: str) -> Category | None:
        wanted = name.casefold()
        return next((c for c in self.rows.values() if c.name.casefold() == wanted), None)

    async def list_all(self) -> list[Category]:
        return sorted(self.rows.values(), key=lambda c: c.id)

    async def replace(self, category: Category, data: CategoryIn) -> Category:
        category.name, category.description = data.name, data.description
        return category

    async def delete(self, category: Category) -> None:
        del self.rows[category.id]
