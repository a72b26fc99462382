"""Business rules of tasks: a task may only refer to a category and tags that exist."""

from ..categories.repository import CategoryRepository
from ..errors import InvalidReferenceError
from ..tags.repository import TagRepository
from .exceptions import TaskNotFoundError
from .models import Task
from .repository import TaskRepository
from .schemas import TaskFilters, TaskIn, TaskPatch


class TaskService:
    def __init__(
        self, tasks: TaskRepository, categories: CategoryRepository, tags: TagRepository
    ) -> None:
        self.tasks = tasks
        self.categories = categories
        self.tags = tags

    async def create(self, data: TaskIn) -> Task:
        # BEGIN SOLUTION check the category and tags exist, then add the task
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        return await self.tasks.add(data)
        # END SOLUTION

    async def get(self, task_id: int) -> Task:
        # BEGIN SOLUTION return the task or raise TaskNotFoundError
        task = await self.tasks.get(task_id)
        if task is None:
            raise TaskNotFoundError(task_id)
        return task
        # END SOLUTION

    async def search(self, filters: TaskFilters) -> list[Task]:
        # BEGIN SOLUTION return the tasks that match the filters
        return await self.tasks.find(filters)
        # END SOLUTION

    async def replace(self, task_id: int, data: TaskIn) -> Task:
        # BEGIN SOLUTION 404 if missing; check references; replace every field
        task = await self.get(task_id)
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        return await self.tasks.update(task, data.model_dump())
        # END SOLUTION

    async def patch(self, task_id: int, data: TaskPatch) -> Task:
        # BEGIN SOLUTION 404 if missing; check sent references; change sent fields
        task = await self.get(task_id)
        changes = data.model_dump(exclude_unset=True)
        if "category_id" in changes:
            await self._check_category(changes["category_id"])
        if "tag_ids" in changes:
            await self._check_tags(changes["tag_ids"])
        return await self.tasks.update(task, changes)
        # END SOLUTION

    async def delete(self, task_id: int) -> None:
        # BEGIN SOLUTION 404 if missing, else delete
        await self.tasks.delete(await self.get(task_id))
        # END SOLUTION

    async def _check_category(self, category_id: int | None) -> None:
        # BEGIN SOLUTION InvalidReferenceError for an unknown category_id
        if category_id is not None and await self.categories.get(category_id) is None:
            raise InvalidReferenceError("category_id", f"Category {category_id} does not exist")
        # END SOLUTION

    async def _check_tags(self, tag_ids: list[int]) -> None:
        # BEGIN SOLUTION InvalidReferenceError naming every unknown tag id
        missing = [tag_id for tag_id in tag_ids if await self.tags.get(tag_id) is None]
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError("tag_ids", f"Tag(s) {names} do not exist")
        # END SOLUTION
