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
        # BEGIN SOLUTION CategoryNameTakenError if taken, else add it
        if await self.categories.get_by_name(data.name) is not None:
            raise CategoryNameTakenError(data.name)
        return await self.categories.add(data)
        # END SOLUTION

    async def get(self, category_id: int) -> Category:
        # BEGIN SOLUTION return the category or raise CategoryNotFoundError
        category = await self.categories.get(category_id)
        if category is None:
            raise CategoryNotFoundError(category_id)
        return category
        # END SOLUTION

    async def list_all(self) -> list[Category]:
        # BEGIN SOLUTION every category, in id order
        return await self.categories.list_all()
        # END SOLUTION

    async def replace(self, category_id: int, data: CategoryIn) -> Category:
        # BEGIN SOLUTION 404 if missing; 409 if another has the name
        category = await self.get(category_id)
        same_name = await self.categories.get_by_name(data.name)
        if same_name is not None and same_name.id != category.id:
            raise CategoryNameTakenError(data.name)
        return await self.categories.replace(category, data)
        # END SOLUTION

    async def delete(self, category_id: int) -> None:
        # BEGIN SOLUTION 404 if missing; CategoryInUseError if a task uses it
        category = await self.get(category_id)
        if await self.tasks.any_with_category(category_id):
            raise CategoryInUseError(category_id)
        await self.categories.delete(category)
        # END SOLUTION
