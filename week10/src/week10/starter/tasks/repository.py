"""Storage of tasks: the interface services depend on, and its PostgreSQL implementation."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Select,
    SQLColumnExpression,
    case,
    exists,
    func,
    insert,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..pagination import SortKey
from .exceptions import TaskChangedError
from .models import Priority, Task, TaskTag
from .schemas import TaskFilters, TaskIn, TaskSort

Clock = Callable[[], datetime]
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
    async def get(self, task_id: int) -> Task | None: ...

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


def tasks_with_tags(owner_id: int) -> Select[Task]:
    """The owner's tasks (week 9: every query starts here, so no query can forget the owner),
    with their tag links loaded by ONE extra query for the whole result (selectinload):
    ``TaskRead`` reads ``tag_ids``, and ``lazy="raise"`` forbids loading them one task at a time."""
    return select(Task).where(Task.owner_id == owner_id).options(selectinload(Task.tag_links))


def filtered(filters: TaskFilters, owner_id: int) -> Select[Task]:
    """The owner's tasks (tags eager-loaded) that match every filter that is set."""
    query = tasks_with_tags(owner_id)
    if filters.status is not None:
        query = query.where(Task.status == filters.status)
    if filters.priority is not None:
        query = query.where(Task.priority == filters.priority)
    if filters.category_id is not None:
        query = query.where(Task.category_id == filters.category_id)
    if filters.tag_id:
        # "has ALL these tags": the tasks whose links to these tags number as many as the tags.
        wanted = set(filters.tag_id)
        having_all = (
            select(TaskTag.task_id)
            .where(TaskTag.tag_id.in_(wanted))
            .group_by(TaskTag.task_id)
            .having(func.count() == len(wanted))
        )
        query = query.where(Task.id.in_(having_all))
    return query


def page_query(
    filters: TaskFilters, owner_id: int, sort: TaskSort, after: SortKey | None, limit: int
) -> Select[Task]:
    """The query of one page of GET /api/v2/tasks: a value you can run, print or EXPLAIN (the
    plan tests and the benchmark do), so what they measure is exactly what the app runs."""
    column = SORT_COLUMNS[sort.field]
    order = (column.desc(), Task.id.desc()) if sort.descending else (column, Task.id)
    query = filtered(filters, owner_id).order_by(*order).limit(limit)
    if after is not None:
        # Keyset: one row comparison, which an index on (column, id) answers without reading
        # the rows before the cursor (OFFSET would read and throw them away).
        position = tuple_(column, Task.id)
        key = tuple_(sql_value(sort.field, after[0]), after[1])
        query = query.where(position < key if sort.descending else position > key)
    return query


class SqlTaskRepository(TaskRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place.

    Bound to one owner (week 9): it reads and writes only that user's tasks.
    """

    def __init__(self, session: AsyncSession, owner_id: int, clock: Clock = utc_now) -> None:
        self.session = session
        self.owner_id = owner_id
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        now = self.clock()
        task = Task(**data.model_dump(), owner_id=self.owner_id, created_at=now, updated_at=now)
        self.session.add(task)
        await self.session.flush()
        return task

    async def add_many(self, rows: list[TaskIn]) -> list[int]:
        now = self.clock()
        values = [
            row.model_dump(exclude={"tag_ids"})
            | {"owner_id": self.owner_id, "created_at": now, "updated_at": now}
            for row in rows
        ]
        # One multi-row INSERT ... RETURNING per 1,000 rows (insertmanyvalues); no ORM objects.
        inserted = await self.session.scalars(
            insert(Task).returning(Task.id, sort_by_parameter_order=True), values
        )
        ids = list(inserted)
        links = [
            {"task_id": task_id, "tag_id": tag_id, "position": position}
            for task_id, row in zip(ids, rows, strict=True)
            for position, tag_id in enumerate(row.tag_ids)
        ]
        if links:
            await self.session.execute(insert(TaskTag), links)
        return ids

    async def get(self, task_id: int) -> Task | None:
        return await self.session.scalar(tasks_with_tags(self.owner_id).where(Task.id == task_id))

    async def find(self, filters: TaskFilters) -> list[Task]:
        query = filtered(filters, self.owner_id).order_by(Task.id)
        return list(await self.session.scalars(query))

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        query = page_query(filters, self.owner_id, sort, after, limit)
        return list(await self.session.scalars(query))

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        for field, value in changes.items():
            setattr(task, field, value)
        task.updated_at = self.clock()
        try:
            # UPDATE tasks SET ..., version = :v + 1 WHERE id = :id AND version = :v
            await self.session.flush()
        except StaleDataError as exc:
            # Another transaction committed a new version between our SELECT and this UPDATE.
            raise TaskChangedError(task.id) from exc
        return task

    async def delete(self, task: Task) -> None:
        await self.session.delete(task)
        try:
            await self.session.flush()  # DELETE ... WHERE id = :id AND version = :v
        except StaleDataError as exc:
            raise TaskChangedError(task.id) from exc

    async def any_with_category(self, category_id: int) -> bool:
        return bool(
            await self.session.scalar(select(exists().where(Task.category_id == category_id)))
        )

    async def any_with_tag(self, tag_id: int) -> bool:
        return bool(await self.session.scalar(select(exists().where(TaskTag.tag_id == tag_id))))
