"""Business rules of categories: names are unique (ignoring case); a category in use stays."""

from ..tasks.repository import TaskRepository
from .exceptions import CategoryInUseError, CategoryNameTakenError, CategoryNotFoundError
from .models import Category
from .repository import CategoryRepository
from .schemas import CategoryIn


class CategoryService:
    def __init__(self, categories: CategoryRepository, tasks: TaskRepository) -> None:
        self.categories = categories
        self.tasks = tasks

    async def create(self, data: CategoryIn) -> Category:
        raise NotImplementedError("TODO: CategoryNameTakenError if taken, else add it")

    async def get(self, category_id: int) -> Category:
        raise NotImplementedError("TODO: return the category or raise CategoryNotFoundError")

    async def list_all(self) -> list[Category]:
        raise NotImplementedError("TODO: every category, in id order")

    async def replace(self, category_id: int, data: CategoryIn) -> Category:
        raise NotImplementedError("TODO: 404 if missing; 409 if another has the name")

    async def delete(self, category_id: int) -> None:
        raise NotImplementedError("TODO: 404 if missing; CategoryInUseError if a task uses it")
