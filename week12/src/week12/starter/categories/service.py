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
        if await self.categories.get_by_name(data.name) is not None:
            raise CategoryNameTakenError(data.name)
        return await self.categories.add(data)

    async def get(self, category_id: int, for_update: bool = False) -> Category:
        category = await self.categories.get(category_id, for_update)
        if category is None:
            raise CategoryNotFoundError(category_id)
        return category

    async def list_all(self) -> list[Category]:
        return await self.categories.list_all()

    async def replace(self, category_id: int, data: CategoryIn) -> Category:
        category = await self.get(category_id, for_update=True)
        same_name = await self.categories.get_by_name(data.name)
        if same_name is not None and same_name.id != category.id:
            raise CategoryNameTakenError(data.name)
        return await self.categories.replace(category, data)

    async def delete(self, category_id: int) -> None:
        # Locked: a task created meanwhile waits for us (its foreign key check needs the row),
        # or, if it came first, we wait for it and then see it below.
        category = await self.get(category_id, for_update=True)
        if await self.tasks.any_with_category(category_id):
            raise CategoryInUseError(category_id)
        await self.categories.delete(category)
