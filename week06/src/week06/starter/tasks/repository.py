"""Storage of tasks: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, case, exists, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from ..pagination import SortKey
from .models import Priority, Task, TaskTag
from .schemas import TaskFilters, TaskIn, TaskSort

Clock = Callable[[], datetime]
PRIORITY_RANK = {Priority.LOW: 0, Priority.MEDIUM: 1, Priority.HIGH: 2}


def utc_now() -> datetime:
    return datetime.now(UTC)


def sort_value(task: Task, field: str) -> Any:
    """``task``'s value of a sort field, JSON-friendly: it travels in cursors."""
    raise NotImplementedError("TODO: created_at as ISO 8601 text; priority as its rank; title; id")


def sort_column(field: str) -> SQLColumnExpression[Any]:
    """The SQL expression that orders the tasks as ``sort_value`` does."""
    raise NotImplementedError("TODO: the column; priority: CASE rank; title: lower")


def sort_key(task: Task, sort: TaskSort) -> SortKey:
    """The task's position in ``sort`` order: (field value, id)."""
    return sort_value(task, sort.field), task.id


def sql_value(field: str, value: Any) -> Any:
    """A cursor's value in the terms of ``sort_column`` (the same expression on both sides)."""
    raise NotImplementedError("TODO: created_at: a datetime; title: lower(); else as is")


class TaskRepository(ABC):
    """What the service needs from storage (the same interface as week 4's in-memory one)."""

    @abstractmethod
    async def add(self, data: TaskIn) -> Task:
        """Store a new task; the repository assigns ``id``, ``created_at`` and ``updated_at``."""

    @abstractmethod
    async def get(self, task_id: int, for_update: bool = False) -> Task | None:
        """The row, or None. ``for_update`` locks it until the transaction ends
        (``SELECT ... FOR UPDATE``): a change that reads the row first must lock it, or a
        concurrent request can change or delete it between the read and the write."""

    @abstractmethod
    async def find(self, filters: TaskFilters) -> list[Task]:
        """The tasks that match every given filter, in id order."""

    @abstractmethod
    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        """At most ``limit`` matching tasks in ``sort`` order that come after the key ``after``."""

    @abstractmethod
    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        """Set the given fields (already validated) and bump ``updated_at``."""

    @abstractmethod
    async def delete(self, task: Task) -> None: ...

    @abstractmethod
    async def any_with_category(self, category_id: int) -> bool: ...

    @abstractmethod
    async def any_with_tag(self, tag_id: int) -> bool: ...


def tasks_with_tags() -> Select[Task]:
    """Tasks with their tag links loaded by ONE extra query for the whole result (selectinload):
    ``TaskRead`` reads ``tag_ids``, and ``lazy="raise"`` forbids loading them one task at a time."""
    raise NotImplementedError("TODO: select Task with a selectinload of its tag links")


def filtered(filters: TaskFilters) -> Select[Task]:
    """Tasks (tags eager-loaded) that match every filter that is set."""
    raise NotImplementedError("TODO: a .where() per filter set; all tags: group_by + having")


class SqlTaskRepository(TaskRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place."""

    def __init__(self, session: AsyncSession, clock: Clock = utc_now) -> None:
        self.session = session
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: add a Task, created_at = updated_at = now; flush")

    async def get(self, task_id: int, for_update: bool = False) -> Task | None:
        raise NotImplementedError("TODO: the task and its tag links, or None; FOR UPDATE if asked")

    async def find(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: the filtered query, ordered by id")

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        raise NotImplementedError("TODO: ORDER BY (column, id); WHERE (column, id) > after")

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        raise NotImplementedError("TODO: setattr each change (tag_ids too); updated_at = now")

    async def delete(self, task: Task) -> None:
        raise NotImplementedError("TODO: session.delete, then flush")

    async def any_with_category(self, category_id: int) -> bool:
        raise NotImplementedError("TODO: SELECT EXISTS (task with this category_id)")

    async def any_with_tag(self, tag_id: int) -> bool:
        raise NotImplementedError("TODO: SELECT EXISTS (task_tags row with this tag_id)")
