"""Week 12: every write to a task becomes an event for its owner's sockets.

``NotifyingTaskRepository`` wraps the repository the service writes through, as week 10's
``InvalidatingTaskRepository`` does for the cache: after each write that happened (a create, each
row of an import, an update or a delete that found its row) it emits an event, and the request's
``RequestEvents`` publishes it after the commit. Every write path of the API goes through the
repository, so a route added later announces its changes too.

The app has no assignment of tasks to other users (a task belongs to its owner), so there is no
``task.assigned``: the owner is the one to tell.
"""

from collections.abc import Collection, Mapping
from typing import Any

from ..pagination import SortKey
from ..realtime.events import Event, EventType
from ..realtime.publisher import RequestEvents
from .models import Task
from .repository import TaskRepository
from .schemas import TaskFilters, TaskIn, TaskSort


class NotifyingTaskRepository(TaskRepository):
    """A ``TaskRepository`` that delegates everything to ``inner`` and emits an event for its
    owner (``owner_id``, the user the repository belongs to) after every write."""

    def __init__(self, inner: TaskRepository, events: RequestEvents, owner_id: int) -> None:
        self.inner = inner
        self.events = events
        self.owner_id = owner_id

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
        # BEGIN SOLUTION task.deleted, only when a row was deleted (read the id first)
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
