"""The caching layer of tasks: cached reads, and invalidation on every write path.

``CachedTaskReads`` serves the list queries (v1's filtered list, v2's pages) through the owner's
``ReadCache``, as ``TaskRead`` models (what the API shows, and what JSON holds without loss).

``InvalidatingTaskRepository`` wraps the ``TaskRepository`` the service writes through: after
each write (create, import, update, delete) it marks the owner's cached reads stale. Every write
path of the API goes through the repository, so none can forget to invalidate: a route added next
month is covered too. (The statistics are the owner's cached reads as well: they go stale with
the same writes.)
"""

from collections.abc import Collection, Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..caching.read_cache import ReadCache
from ..pagination import SortKey
from .models import Task
from .repository import TaskRepository
from .schemas import TaskFilters, TaskIn, TaskRead, TaskSort
from .service import TaskService


class TaskPageRead(BaseModel):
    """One page of tasks and the key to continue after (None on the last page)."""

    items: list[TaskRead]
    next_key: tuple[Any, int] | None


TASK_LIST = TypeAdapter(list[TaskRead])
TASK_PAGE = TypeAdapter(TaskPageRead)


class CachedTaskReads:
    def __init__(self, service: TaskService, cache: ReadCache) -> None:
        self.service = service
        self.cache = cache

    async def search(self, filters: TaskFilters) -> list[TaskRead]:
        """``TaskService.search``, cached: the tasks matching ``filters``, in id order."""

        async def load() -> list[TaskRead]:
            return [TaskRead.model_validate(task) for task in await self.service.search(filters)]

        return await self.cache.get_or_load("tasks.search", filters, TASK_LIST, load)

    async def page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> TaskPageRead:
        """``TaskService.page``, cached: every parameter is part of the key."""
        params = {"filters": filters, "sort": sort, "after": after, "limit": limit}

        async def load() -> TaskPageRead:
            tasks, next_key = await self.service.page(filters, sort, after, limit)
            return TaskPageRead(
                items=[TaskRead.model_validate(task) for task in tasks], next_key=next_key
            )

        return await self.cache.get_or_load("tasks.page", params, TASK_PAGE, load)


class InvalidatingTaskRepository(TaskRepository):
    """A ``TaskRepository`` that delegates everything to ``inner`` and, after every write, marks
    the owner's cached reads stale (``cache.invalidate()``: it takes effect at the commit)."""

    def __init__(self, inner: TaskRepository, cache: ReadCache) -> None:
        self.inner = inner
        self.cache = cache

    async def add(self, data: TaskIn) -> Task:
        task = await self.inner.add(data)
        self.cache.invalidate()
        return task

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        ids = await self.inner.add_many(rows)
        self.cache.invalidate()
        return ids

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        updated = await self.inner.update(task, changes, versions)
        if updated is not None:
            self.cache.invalidate()
        return updated

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        deleted = await self.inner.delete(task, versions)
        if deleted:
            self.cache.invalidate()
        return deleted

    async def get(self, task_id: int) -> Task | None:
        return await self.inner.get(task_id)

    async def find(self, filters: TaskFilters) -> list[Task]:
        return await self.inner.find(filters)

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        return await self.inner.find_page(filters, sort, after, limit)

    async def any_with_category(self, category_id: int) -> bool:
        return await self.inner.any_with_category(category_id)

    async def any_with_tag(self, tag_id: int) -> bool:
        return await self.inner.any_with_tag(tag_id)
