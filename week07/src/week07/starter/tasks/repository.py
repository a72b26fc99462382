"""Storage of tasks: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Delete,
    Select,
    SQLColumnExpression,
    Update,
    case,
    delete,
    exists,
    func,
    insert,
    select,
    tuple_,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from ..pagination import SortKey
from .models import Priority, Task, TaskTag
from .schemas import TaskFilters, TaskIn, TaskSort

Clock = Callable[[], datetime]
Write = TypeVar("Write", Update, Delete)
PRIORITY_RANK = {Priority.LOW: 0, Priority.MEDIUM: 1, Priority.HIGH: 2}
# Each sort field as a JSON-friendly value (it travels in cursors) ...
SORT_VALUES: dict[str, Callable[[Task], Any]] = {
    "id": lambda task: task.id,
    # Fixed-width ISO 8601 in UTC: the strings sort exactly like the instants.
    "created_at": lambda task: task.created_at.isoformat(timespec="microseconds"),
    "priority": lambda task: PRIORITY_RANK[task.priority],
    "title": lambda task: task.title,
}
# ... and as the SQL expression that orders the same way.
SORT_COLUMNS: dict[str, SQLColumnExpression[Any]] = {
    "id": Task.id,
    "created_at": Task.created_at,
    "priority": case(PRIORITY_RANK, value=Task.priority),
    "title": func.lower(Task.title),  # ignoring case
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def sort_key(task: Task, sort: TaskSort) -> SortKey:
    """The task's position in ``sort`` order: (field value, id)."""
    return SORT_VALUES[sort.field](task), task.id


def sql_value(field: str, value: Any) -> Any:
    """A cursor's value in the terms of ``SORT_COLUMNS`` (the same expression on both sides)."""
    if field == "created_at":
        return datetime.fromisoformat(value)
    if field == "title":
        return func.lower(value)
    return value


class TaskRepository(ABC):
    """What the service needs from storage (the same interface as week 4's in-memory one)."""

    @abstractmethod
    async def add(self, data: TaskIn) -> Task:
        """Store a new task; the repository assigns ``id``, ``created_at`` and ``updated_at``."""

    @abstractmethod
    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        """Store new tasks in bulk; their ids, in the order of ``rows``."""

    @abstractmethod
    async def get(self, task_id: int) -> Task | None:
        """The task as committed now (also when the session holds an older copy), or None."""

    @abstractmethod
    async def find(self, filters: TaskFilters) -> list[Task]:
        """The tasks that match every given filter, in id order."""

    @abstractmethod
    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        """At most ``limit`` matching tasks in ``sort`` order that come after the key ``after``."""

    @abstractmethod
    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        """Set the given fields (already validated), bump ``updated_at`` and ``version``, in one
        compare-and-set: only if the row still has one of ``versions`` (None: any version).
        The task as written, or None if no row matched (deleted, or at another version)."""

    @abstractmethod
    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        """Delete the task if it still has one of ``versions`` (None: any); did a row match?"""

    @abstractmethod
    async def any_with_category(self, category_id: int) -> bool: ...

    @abstractmethod
    async def any_with_tag(self, tag_id: int) -> bool: ...


def tasks_with_tags() -> Select[Task]:
    """Tasks with their tag links loaded by ONE extra query for the whole result (selectinload):
    ``TaskRead`` reads ``tag_ids``, and ``lazy="raise"`` forbids loading them one task at a time."""
    raise NotImplementedError("TODO: select Task, tag links eager-loaded in one extra query")


def filtered(filters: TaskFilters) -> Select[Task]:
    """Tasks (tags eager-loaded) that match every filter that is set."""
    raise NotImplementedError("TODO: a WHERE per filter; all tags: GROUP BY ... HAVING")


def at_versions(statement: Write, versions: Collection[int] | None) -> Write:
    """``statement`` restricted to rows at one of ``versions`` (unrestricted for None)."""
    raise NotImplementedError("TODO: add the version condition unless versions is None")


def page_query(
    filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
) -> Select[Task]:
    """The query of one page of GET /api/v2/tasks: a value you can run, print or EXPLAIN (the
    plan tests and the benchmark do), so what they measure is exactly what the app runs."""
    raise NotImplementedError("TODO: ORDER BY column, id; LIMIT; keyset: a row comparison")


class SqlTaskRepository(TaskRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place."""

    def __init__(self, session: AsyncSession, clock: Clock = utc_now) -> None:
        self.session = session
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        raise NotImplementedError("TODO: a Task with the clock's time; add and flush for its id")

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        raise NotImplementedError("TODO: bulk INSERT RETURNING ids in order; tag links")

    async def get(self, task_id: int) -> Task | None:
        raise NotImplementedError("TODO: tasks_with_tags by id; populate_existing")

    async def find(self, filters: TaskFilters) -> list[Task]:
        raise NotImplementedError("TODO: filtered, in id order")

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        raise NotImplementedError("TODO: run page_query")

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        raise NotImplementedError("TODO: compare-and-set UPDATE ... RETURNING id; the tag links")

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        raise NotImplementedError("TODO: compare-and-set DELETE ... RETURNING id")

    async def any_with_category(self, category_id: int) -> bool:
        raise NotImplementedError("TODO: SELECT EXISTS (...)")

    async def any_with_tag(self, tag_id: int) -> bool:
        raise NotImplementedError("TODO: SELECT EXISTS (...)")
