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
    # BEGIN SOLUTION created_at as ISO 8601 text; priority as its rank; title; id
    if field == "created_at":
        # Fixed-width ISO 8601 in UTC: the strings sort exactly like the instants.
        return task.created_at.isoformat(timespec="microseconds")
    if field == "priority":
        return PRIORITY_RANK[task.priority]
    if field == "title":
        return task.title
    return task.id
    # END SOLUTION


def sort_column(field: str) -> SQLColumnExpression[Any]:
    """The SQL expression that orders the tasks as ``sort_value`` does."""
    # BEGIN SOLUTION the column; priority: CASE rank; title: lower
    if field == "created_at":
        return Task.created_at
    if field == "priority":
        return case(PRIORITY_RANK, value=Task.priority)
    if field == "title":
        return func.lower(Task.title)  # ignoring case
    return Task.id
    # END SOLUTION


def sort_key(task: Task, sort: TaskSort) -> SortKey:
    """The task's position in ``sort`` order: (field value, id)."""
    return sort_value(task, sort.field), task.id


def sql_value(field: str, value: Any) -> Any:
    """A cursor's value in the terms of ``sort_column`` (the same expression on both sides)."""
    # BEGIN SOLUTION created_at: a datetime; title: lower(); else as is
    if field == "created_at":
        return datetime.fromisoformat(value)
    if field == "title":
        return func.lower(value)
    return value
    # END SOLUTION


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
    # BEGIN SOLUTION select Task with a selectinload of its tag links
    return select(Task).options(selectinload(Task.tag_links))
    # END SOLUTION


def filtered(filters: TaskFilters) -> Select[Task]:
    """Tasks (tags eager-loaded) that match every filter that is set."""
    # BEGIN SOLUTION a .where() per filter set; all tags: group_by + having
    query = tasks_with_tags()
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
    # END SOLUTION


class SqlTaskRepository(TaskRepository):
    """Queries only; the request's session commits (or rolls back) once, in one place."""

    def __init__(self, session: AsyncSession, clock: Clock = utc_now) -> None:
        self.session = session
        self.clock = clock  # injectable so tests can control time

    async def add(self, data: TaskIn) -> Task:
        # BEGIN SOLUTION add a Task, created_at = updated_at = now; flush
        now = self.clock()
        task = Task(**data.model_dump(), created_at=now, updated_at=now)
        self.session.add(task)
        await self.session.flush()
        return task
        # END SOLUTION

    async def get(self, task_id: int, for_update: bool = False) -> Task | None:
        # BEGIN SOLUTION the task and its tag links, or None; FOR UPDATE if asked
        query = tasks_with_tags().where(Task.id == task_id)
        if for_update:
            # populate_existing: the locked read refreshes an object the session already holds.
            query = query.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(query)
        # END SOLUTION

    async def find(self, filters: TaskFilters) -> list[Task]:
        # BEGIN SOLUTION the filtered query, ordered by id
        return list(await self.session.scalars(filtered(filters).order_by(Task.id)))
        # END SOLUTION

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        # BEGIN SOLUTION ORDER BY (column, id); WHERE (column, id) > after
        column = sort_column(sort.field)
        order = (column.desc(), Task.id.desc()) if sort.descending else (column, Task.id)
        query = filtered(filters).order_by(*order).limit(limit)
        if after is not None:
            # Keyset: one row comparison, which an index on (column, id) answers without reading
            # the rows before the cursor (OFFSET would read and throw them away).
            position = tuple_(column, Task.id)
            key = tuple_(sql_value(sort.field, after[0]), after[1])
            query = query.where(position < key if sort.descending else position > key)
        return list(await self.session.scalars(query))
        # END SOLUTION

    async def update(self, task: Task, changes: Mapping[str, Any]) -> Task:
        # BEGIN SOLUTION setattr each change (tag_ids too); updated_at = now
        for field, value in changes.items():
            setattr(task, field, value)
        task.updated_at = self.clock()
        await self.session.flush()
        return task
        # END SOLUTION

    async def delete(self, task: Task) -> None:
        # BEGIN SOLUTION session.delete, then flush
        await self.session.delete(task)
        await self.session.flush()
        # END SOLUTION

    async def any_with_category(self, category_id: int) -> bool:
        # BEGIN SOLUTION SELECT EXISTS (task with this category_id)
        return bool(
            await self.session.scalar(select(exists().where(Task.category_id == category_id)))
        )
        # END SOLUTION

    async def any_with_tag(self, tag_id: int) -> bool:
        # BEGIN SOLUTION SELECT EXISTS (task_tags row with this tag_id)
        return bool(await self.session.scalar(select(exists().where(TaskTag.tag_id == tag_id))))
        # END SOLUTION
