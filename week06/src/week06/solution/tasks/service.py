"""Business rules of tasks: a task may only refer to a category and tags that exist."""

from ..categories.repository import CategoryRepository
from ..errors import InvalidReferenceError
from ..pagination import SortKey
from ..tags.repository import TagRepository
from .exceptions import TaskNotFoundError
from .models import Task
from .repository import TaskRepository, sort_key
from .schemas import TaskFilters, TaskIn, TaskPatch, TaskSort


class TaskService:
    def __init__(
        self, tasks: TaskRepository, categories: CategoryRepository, tags: TagRepository
    ) -> None:
        self.tasks = tasks
        self.categories = categories
        self.tags = tags

    async def create(self, data: TaskIn) -> Task:
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        return await self.tasks.add(data)

    async def get(self, task_id: int, for_update: bool = False) -> Task:
        """The task (404 if missing); ``for_update`` locks it for a change: two changes of one
        task then run one after the other, each on the other's result."""
        task = await self.tasks.get(task_id, for_update)
        if task is None:
            raise TaskNotFoundError(task_id)
        return task

    async def search(self, filters: TaskFilters) -> list[Task]:
        return await self.tasks.find(filters)

    async def page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> tuple[list[Task], SortKey | None]:
        """One page of tasks, and the key to continue after (None on the last page)."""
        rows = await self.tasks.find_page(filters, sort, after, limit + 1)
        items = rows[:limit]
        return items, sort_key(items[-1], sort) if len(rows) > limit else None

    async def replace(self, task_id: int, data: TaskIn) -> Task:
        task = await self.get(task_id, for_update=True)
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        return await self.tasks.update(task, data.model_dump())

    async def patch(self, task_id: int, data: TaskPatch) -> Task:
        task = await self.get(task_id, for_update=True)
        changes = data.model_dump(exclude_unset=True)
        if "category_id" in changes:
            await self._check_category(changes["category_id"])
        if "tag_ids" in changes:
            await self._check_tags(changes["tag_ids"])
        return await self.tasks.update(task, changes)

    async def delete(self, task_id: int) -> None:
        await self.tasks.delete(await self.get(task_id, for_update=True))

    async def _check_category(self, category_id: int | None) -> None:
        if category_id is not None and await self.categories.get(category_id) is None:
            raise InvalidReferenceError("category_id", f"Category {category_id} does not exist")

    async def _check_tags(self, tag_ids: list[int]) -> None:
        missing = [tag_id for tag_id in tag_ids if await self.tags.get(tag_id) is None]
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError("tag_ids", f"Tag(s) {names} do not exist")
