"""Week 12: every write to a task becomes an event for its owner (like week 10's
``InvalidatingTaskRepository``, it wraps the repository every write path goes through)."""

from collections.abc import Collection, Mapping
from typing import Any

from ..pagination import SortKey
from ..realtime.events import Event, EventType
from ..realtime.publisher import RequestEvents
from .models import Task
from .repository import TaskRepository
from .schemas import TaskFilters, TaskIn, TaskSort


class NotifyingTaskRepository(TaskRepository):
    """Delegates to ``inner``; after every write, an event for ``owner_id`` (the repository's)."""

    def __init__(self, inner: TaskRepository, events: RequestEvents, owner_id: int) -> None:
        # BEGIN SOLUTION keep all three
        self.inner = inner
        self.events = events
        self.owner_id = owner_id
        # END SOLUTION

    def _emit(self, type: EventType, task_id: int) -> None:
        # BEGIN SOLUTION one Event of the owner through self.events
        self.events.emit(Event(type=type, owner_id=self.owner_id, task_id=task_id))
        # END SOLUTION

    async def add(self, data: TaskIn) -> Task:
        # BEGIN SOLUTION the inner add, then a task.created event
        task = await self.inner.add(data)
        self._emit("task.created", task.id)
        return task
        # END SOLUTION

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        # BEGIN SOLUTION one task.created per new id
        ids = await self.inner.add_many(rows)
        for task_id in ids:
            self._emit("task.created", task_id)
        return ids
        # END SOLUTION

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        # BEGIN SOLUTION task.updated, only when a row was written
        updated = await self.inner.update(task, changes, versions)
        if updated is not None:
            self._emit("task.updated", updated.id)
        return updated
        # END SOLUTION

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        # BEGIN SOLUTION task.deleted if a row went (read the id first)
        task_id = task.id
        deleted = await self.inner.delete(task, versions)
        if deleted:
            self._emit("task.deleted", task_id)
        return deleted
        # END SOLUTION

    # Reads change nothing: straight to the inner repository.
    async def get(self, task_id: int) -> Task | None:
        # BEGIN SOLUTION delegate
        return await self.inner.get(task_id)
        # END SOLUTION

    async def find(self, filters: TaskFilters) -> list[Task]:
        # BEGIN SOLUTION delegate
        return await self.inner.find(filters)
        # END SOLUTION

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        # BEGIN SOLUTION delegate
        return await self.inner.find_page(filters, sort, after, limit)
        # END SOLUTION

    async def any_with_category(self, category_id: int) -> bool:
        # BEGIN SOLUTION delegate
        return await self.inner.any_with_category(category_id)
        # END SOLUTION

    async def any_with_tag(self, tag_id: int) -> bool:
        # BEGIN SOLUTION delegate
        return await self.inner.any_with_tag(tag_id)
        # END SOLUTION
