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
        raise NotImplementedError("TODO: check the category and tags exist, then add the task")

    async def get(self, task_id: int) -> Task:
        raise NotImplementedError("TODO: return the task or raise TaskNotFoundError")

    async def search(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: return the tasks that match the filters")

    async def replace(self, task_id: int, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: 404 if missing; check references; replace every field")

    async def patch(self, task_id: int, data: TaskPatch) -> Task:
        raise NotImplementedError("TODO: 404 if missing; check sent references; change sent fields")

    async def delete(self, task_id: int) -> None:
        raise NotImplementedError("TODO: 404 if missing, else delete")

    async def _check_category(self, category_id: int | None) -> None:
        raise NotImplementedError("TODO: InvalidReferenceError for an unknown category_id")

    async def _check_tags(self, tag_ids: list[int]) -> None:
        raise NotImplementedError("TODO: InvalidReferenceError naming every unknown tag id")
