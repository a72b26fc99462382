"""Storage of categories: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Category
from .schemas import CategoryIn


class CategoryRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    # BEGIN SOLUTION
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

    # REPLACE WITH
    # # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # # signature the in-memory class below has: add, get, get_by_name, list_all, replace, delete.
    # END SOLUTION


class InMemoryCategoryRepository(CategoryRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self.rows = store.categories
        self.store = store

    async def add(self, data: CategoryIn) -> Category:
        # BEGIN SOLUTION store a new Category with the next categories id
        category = Category(id=self.store.next_id("categories"), **data.model_dump())
        self.rows[category.id] = category
        return category
        # END SOLUTION

    async def get(self, category_id: int) -> Category | None:
        # BEGIN SOLUTION return the row with this id, or None
        return self.rows.get(category_id)
        # END SOLUTION

    async def get_by_name(self, name: str) -> Category | None:
        # BEGIN SOLUTION the row with this name, ignoring case (casefold)
        wanted = name.casefold()
        return next((c for c in self.rows.values() if c.name.casefold() == wanted), None)
        # END SOLUTION

    async def list_all(self) -> list[Category]:
        # BEGIN SOLUTION every row, sorted by id
        return sorted(self.rows.values(), key=lambda c: c.id)
        # END SOLUTION

    async def replace(self, category: Category, data: CategoryIn) -> Category:
        # BEGIN SOLUTION overwrite the row's fields with data and return it
        category.name, category.description = data.name, data.description
        return category
        # END SOLUTION

    async def delete(self, category: Category) -> None:
        # BEGIN SOLUTION remove the row
        del self.rows[category.id]
        # END SOLUTION
