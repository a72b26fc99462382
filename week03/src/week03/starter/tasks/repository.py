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

    # TODO (task 2): one @abstractmethod per operation the service needs, with the
    # signature the in-memory class below has: add, get, find, update, delete,
    # any_with_category, any_with_tag.


class InMemoryTaskRepository(TaskRepository):
    def __init__(self, store: InMemoryStore, clock: Clock = utc_now) -> None:
        self.rows = store.tasks
        self.store = store
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: new Task: next tasks id; created_at = updated_at = now")

    async def get(self, task_id: int) -> Task | None:
        raise NotImplementedError("TODO: return the row with this id, or None")

    async def find(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: rows matching every filter that is set, by id")

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        raise NotImplementedError("TODO: store task with the changes and updated_at = now")

    async def delete(self, task: Task) -> None:
        raise NotImplementedError("TODO: remove the row")

    async def any_with_category(self, category_id: int) -> bool:
        raise NotImplementedError("TODO: is any task in this category?")

    async def any_with_tag(self, tag_id: int) -> bool:
        raise NotImplementedError("TODO: does any task have this tag?")
