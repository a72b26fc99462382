"""Storage of tasks: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..storage import InMemoryStore
from .models import Task
from .schemas import TaskFilters, TaskIn

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class TaskRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    # BEGIN SOLUTION
    @abstractmethod
    async def add(self, data: TaskIn) -> Task:
        """Store a new task; the repository assigns ``id``, ``created_at`` and ``updated_at``."""

    @abstractmethod
    async def get(self, task_id: int) -> Task | None: ...

    @abstractmethod
    async def find(self, filters: TaskFilters) -> list[Task]:
        """The tasks that match every given filter, in id order."""

    @abstractmethod
    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        """Set the given fields (already validated) and bump ``updated_at``."""

    @abstractmethod
    async def delete(self, task: Task) -> None: ...

    @abstractmethod
    async def any_with_category(self, category_id: int) -> bool: ...

    @abstractmethod
    async def any_with_tag(self, tag_id: int) -> bool: ...

    # REPLACE WITH
    # # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # # signature the in-memory class below has: add, get, find, update, delete,
    # # any_with_category, any_with_tag.
    # END SOLUTION


class InMemoryTaskRepository(TaskRepository):
    def __init__(self, store: InMemoryStore, clock: Clock = utc_now) -> None:
        self.rows = store.tasks
        self.store = store
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        # BEGIN SOLUTION new Task: next tasks id; created_at = updated_at = now
        now = self.clock()
        task = Task(
            id=self.store.next_id("tasks"), **data.model_dump(), created_at=now, updated_at=now
        )
        self.rows[task.id] = task
        return task
        # END SOLUTION

    async def get(self, task_id: int) -> Task | None:
        # BEGIN SOLUTION return the row with this id, or None
        return self.rows.get(task_id)
        # END SOLUTION

    async def find(self, filters: TaskFilters) -> list[Task]:
        # BEGIN SOLUTION rows matching every filter that is set, by id
        wanted_tags = set(filters.tag_id)
        return [
            task
            for task in sorted(self.rows.values(), key=lambda t: t.id)
            if filters.status in (None, task.status)
            and filters.priority in (None, task.priority)
            and filters.category_id in (None, task.category_id)
            and wanted_tags.issubset(task.tag_ids)
        ]
        # END SOLUTION

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        # BEGIN SOLUTION store task with the changes and updated_at = now
        updated = replace(task, **changes, updated_at=self.clock())
        self.rows[task.id] = updated
        return updated
        # END SOLUTION

    async def delete(self, task: Task) -> None:
        # BEGIN SOLUTION remove the row
        del self.rows[task.id]
        # END SOLUTION

    async def any_with_category(self, category_id: int) -> bool:
        # BEGIN SOLUTION is any task in this category?
        return any(task.category_id == category_id for task in self.rows.values())
        # END SOLUTION

    async def any_with_tag(self, tag_id: int) -> bool:
        # BEGIN SOLUTION does any task have this tag?
        return any(tag_id in task.tag_ids for task in self.rows.values())
        # END SOLUTION
