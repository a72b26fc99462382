"""Storage of tasks: the interface services depend on, and its in-memory implementation."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..pagination import SortKey
from ..storage import InMemoryStore
from .models import Priority, Task
from .schemas import TaskFilters, TaskIn, TaskSort

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


# BEGIN SOLUTION
PRIORITY_RANK = {Priority.LOW: 0, Priority.MEDIUM: 1, Priority.HIGH: 2}
# Each sort field as a JSON-friendly value that orders like the field (it travels in cursors).
SORT_VALUES: dict[str, Callable[[Task], Any]] = {
    "id": lambda task: task.id,
    # Fixed-width ISO 8601 in UTC: the strings sort exactly like the instants.
    "created_at": lambda task: task.created_at.isoformat(timespec="microseconds"),
    "priority": lambda task: PRIORITY_RANK[task.priority],
    "title": lambda task: task.title.casefold(),
}
# REPLACE WITH
# # TODO (task 2): how each sort field becomes a JSON value that orders like the field
# END SOLUTION


def sort_key(task: Task, sort: TaskSort) -> SortKey:
    """The task's position in ``sort`` order: (field value, id)."""
    # BEGIN SOLUTION (a JSON value that orders like sort.field, task.id)
    return SORT_VALUES[sort.field](task), task.id
    # END SOLUTION


class TaskRepository(ABC):
    """What the service needs from storage. Week 06 implements it with PostgreSQL."""

    @abstractmethod
    async def add(self, data: TaskIn) -> Task:
        """Store a new task; the repository assigns ``id``, ``created_at`` and ``updated_at``."""

    @abstractmethod
    async def get(self, task_id: int) -> Task | None: ...

    @abstractmethod
    async def find(self, filters: TaskFilters) -> list[Task]:
        """The tasks that match every given filter, in id order."""

    @abstractmethod
    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        """At most ``limit`` matching tasks in ``sort`` order that come after the key ``after``.

        Keyset pagination: week 06 writes it as ``WHERE (created_at, id) > (:value, :id)
        ORDER BY created_at, id LIMIT :limit``, which an index on (created_at, id) answers
        without reading the skipped rows (OFFSET reads and throws them away).
        """

    @abstractmethod
    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        """Set the given fields (already validated) and bump ``updated_at``."""

    @abstractmethod
    async def delete(self, task: Task) -> None: ...

    @abstractmethod
    async def any_with_category(self, category_id: int) -> bool: ...

    @abstractmethod
    async def any_with_tag(self, tag_id: int) -> bool: ...


class InMemoryTaskRepository(TaskRepository):
    def __init__(self, store: InMemoryStore, clock: Clock = utc_now) -> None:
        self.rows = store.tasks
        self.store = store
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        now = self.clock()
        task = Task(
            id=self.store.next_id("tasks"), **data.model_dump(), created_at=now, updated_at=now
        )
        self.rows[task.id] = task
        return task

    async def get(self, task_id: int) -> Task | None:
        return self.rows.get(task_id)

    async def find(self, filters: TaskFilters) -> list[Task]:
        wanted_tags = set(filters.tag_id)
        return [
            task
            for task in sorted(self.rows.values(), key=lambda t: t.id)
            if filters.status in (None, task.status)
            and filters.priority in (None, task.priority)
            and filters.category_id in (None, task.category_id)
            and wanted_tags.issubset(task.tag_ids)
        ]

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        # BEGIN SOLUTION sort by sort_key; keep keys past `after`; limit
        rows = sorted(
            await self.find(filters), key=lambda t: sort_key(t, sort), reverse=sort.descending
        )
        if after is not None:
            if sort.descending:
                rows = [task for task in rows if sort_key(task, sort) < after]
            else:
                rows = [task for task in rows if sort_key(task, sort) > after]
        return rows[:limit]
        # END SOLUTION

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        updated = replace(task, **changes, updated_at=self.clock())
        self.rows[task.id] = updated
        return updated

    async def delete(self, task: Task) -> None:
        del self.rows[task.id]

    async def any_with_category(self, category_id: int) -> bool:
        return any(task.category_id == category_id for task in self.rows.values())

    async def any_with_tag(self, tag_id: int) -> bool:
        return any(tag_id in task.tag_ids for task in self.rows.values())
