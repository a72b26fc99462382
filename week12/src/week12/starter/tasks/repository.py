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


def at_versions(statement: Write, versions: Collection[int] | None) -> Write:
    """``statement`` restricted to rows at one of ``versions`` (unrestricted for None)."""
    return statement if versions is None else statement.where(Task.version.in_(versions))


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
        # populate_existing: the row as committed now, even for an object the session holds.
        query = tasks_with_tags(self.owner_id).where(Task.id == task_id)
        return await self.session.scalar(query.execution_options(populate_existing=True))

    async def find(self, filters: TaskFilters) -> list[Task]:
        query = filtered(filters, self.owner_id).order_by(Task.id)
        return list(await self.session.scalars(query))

    async def find_page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> list[Task]:
        query = page_query(filters, self.owner_id, sort, after, limit)
        return list(await self.session.scalars(query))

    async def update(
        self, task: Task, changes: Mapping[str, Any], versions: Collection[int] | None = None
    ) -> Task | None:
        # UPDATE tasks SET ..., version = version + 1 WHERE id = :id [AND version IN (...)]
        # RETURNING id: one statement, so no other request's write can come between the
        # version check and the write (as it could between a SELECT and an UPDATE).
        fields = {field: value for field, value in changes.items() if field != "tag_ids"}
        fields |= {"updated_at": self.clock(), "version": Task.version + 1}
        statement = (
            update(Task)
            .where(Task.id == task.id, Task.owner_id == self.owner_id)
            .values(fields)
            .returning(Task.id)
        )
        matched = await self.session.scalar(
            at_versions(statement, versions).execution_options(synchronize_session=False)
        )
        if matched is None:
            return None
        if "tag_ids" in changes:
            # Our UPDATE holds the task's row lock until we commit: no other write of this task
            # can interleave with these two statements.
            await self.session.execute(delete(TaskTag).where(TaskTag.task_id == task.id))
            links = [{"task_id": task.id, "tag_id": tag_id, "position": position}
                     for position, tag_id in enumerate(changes["tag_ids"])]  # fmt: skip
            if links:
                await self.session.execute(insert(TaskTag), links)
        return await self.get(task.id)

    async def delete(self, task: Task, versions: Collection[int] | None = None) -> bool:
        statement = delete(Task).where(Task.id == task.id).returning(Task.id)
        matched = await self.session.scalar(
            at_versions(statement, versions).execution_options(synchronize_session=False)
        )
        return matched is not None

    async def any_with_category(self, category_id: int) -> bool:
        return bool(
            await self.session.scalar(select(exists().where(Task.category_id == category_id)))
        )

    async def any_with_tag(self, tag_id: int) -> bool:
        return bool(await self.session.scalar(select(exists().where(TaskTag.tag_id == tag_id))))
