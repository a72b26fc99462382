"""Storage of categories: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod

from ..storage import InMemoryStore
from .models import Category
from .schemas import CategoryIn


class CategoryRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # signature the in-memory class below has: add, get, get_by_name, list_all, replace, delete.


class InMemoryCategoryRepository(CategoryRepository):
    def __init__(self, store: InMemoryStore) -> None:
        self.rows = store.categories
        self.store = store

    async def add(self, data: CategoryIn) -> Category:
        raise NotImplementedError("TODO: store a new Category with the next categories id")

    async def get(self, category_id: int) -> Category | None:
        raise NotImplementedError("TODO: return the row with this id, or None")

    async def get_by_name(self, name: str) -> Category | None:
        raise NotImplementedError("TODO: the row with this name, ignoring case (casefold)")

    async def list_all(self) -> list[Category]:
        raise NotImplementedError("TODO: every row, sorted by id")

    async def replace(self, category: Category, data: CategoryIn) -> Category:
        raise NotImplementedError("TODO: overwrite the row's fields with data and return it")

    async def delete(self, category: Category) -> None:
        raise NotImplementedError("TODO: remove the row")
