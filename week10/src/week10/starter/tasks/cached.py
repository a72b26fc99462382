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

from pydantic import BaseModel

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


class CachedTaskReads:
    def __init__(self, service: TaskService, cache: ReadCache) -> None:
        self.service = service
        self.cache = cache

    async def search(self, filters: TaskFilters) -> list[TaskRead]:
        """``TaskService.search``, cached: the tasks matching ``filters``, in id order."""
        raise NotImplementedError("TODO (task 8): cache the service's search")

    async def page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> TaskPageRead:
        """``TaskService.page``, cached: every parameter is part of the key."""
        raise NotImplementedError("TODO (task 8): every parameter in the key; cache the page")


class InvalidatingTaskRepository(TaskRepository):
    """TODO (task 8): a ``TaskRepository`` that delegates everything to ``inner`` and, after
    every write that changed a row, marks the owner's cached reads stale."""

    def __init__(self, inner: TaskRepository, cache: ReadCache) -> None:
        self.inner = inner
        self.cache = cache

    async def add(self, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: write through inner, then invalidate")

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        raise NotImplementedError("TODO: write through inner, then invalidate")

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        raise NotImplementedError("TODO: write through inner; invalidate if a row was written")

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        raise NotImplementedError("TODO: write through inner; invalidate if a row was deleted")

    async def get(self, task_id: int) -> Task | None:
        raise NotImplementedError("TODO: inner's")

    async def find(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: inner's")

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        raise NotImplementedError("TODO: inner's")

    async def any_with_category(self, category_id: int) -> bool:
        raise NotImplementedError("TODO: inner's")

    async def any_with_tag(self, tag_id: int) -> bool:
        raise NotImplementedError("TODO: inner's")
