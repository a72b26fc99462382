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
        raise NotImplementedError("TODO: keep all three")

    def _emit(self, type: EventType, task_id: int) -> None:
        raise NotImplementedError("TODO: one Event of the owner through self.events")

    async def add(self, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: the inner add, then a task.created event")

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        raise NotImplementedError("TODO: one task.created per new id")

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        raise NotImplementedError("TODO: task.updated, only when a row was written")

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        raise NotImplementedError("TODO: task.deleted if a row went (read the id first)")

    # Reads change nothing: straight to the inner repository.
    async def get(self, task_id: int) -> Task | None:
        raise NotImplementedError("TODO: delegate")

    async def find(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: delegate")

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        raise NotImplementedError("TODO: delegate")

    async def any_with_category(self, category_id: int) -> bool:
        raise NotImplementedError("TODO: delegate")

    async def any_with_tag(self, tag_id: int) -> bool:
        raise NotImplementedError("TODO: delegate")
