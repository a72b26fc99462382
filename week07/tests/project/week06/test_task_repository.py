"""The PostgreSQL task repository (task 1): filters in SQL, tags eager-loaded, no N+1 queries."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from testkit import impl_module
from testkit.db import count_queries

pytestmark = pytest.mark.task(1)
tasks = impl_module("week07", "tasks.repository")
task_models = impl_module("week07", "tasks.models")
task_schemas = impl_module("week07", "tasks.schemas")
Category = impl_module("week07", "categories.models").Category
Tag = impl_module("week07", "tags.models").Tag
TaskIn, TaskFilters = task_schemas.TaskIn, task_schemas.TaskFilters


class StepClock:
    """A clock that moves one second per call: time is controlled, never read from the wall."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


async def make_rows(session: AsyncSession, model: Any, count: int) -> list[int]:
    rows = [model(name=f"{model.__tablename__}-{i}") for i in range(count)]
    session.add_all(rows)
    await session.flush()
    return [row.id for row in rows]


async def test_add_get_update_delete(db_session: AsyncSession) -> None:
    clock = StepClock()
    repo = tasks.SqlTaskRepository(db_session, clock=clock)
    t1, t2, t3 = await make_rows(db_session, Tag, 3)

    task = await repo.add(TaskIn(title="t", tag_ids=[t3, t1]))
    assert (task.title, task.status, task.tag_ids) == ("t", "todo", [t3, t1])
    assert task.created_at == task.updated_at == clock.now

    updated = await repo.update(task, {"title": "new", "tag_ids": [t1, t2]})
    db_session.expunge_all()  # read back from PostgreSQL, not from the session's objects
    stored = await repo.get(task.id)
    assert (stored.title, stored.tag_ids) == ("new", [t1, t2])
    assert stored.created_at == task.created_at
    assert stored.updated_at == updated.updated_at > stored.created_at

    await repo.delete(stored)
    assert await repo.get(task.id) is None


async def test_tag_order_is_kept(db_session: AsyncSession) -> None:
    repo = tasks.SqlTaskRepository(db_session)
    ids = await make_rows(db_session, Tag, 3)

    task = await repo.add(TaskIn(title="t", tag_ids=ids[::-1]))
    db_session.expunge_all()

    assert (await repo.get(task.id)).tag_ids == ids[::-1]


async def test_find_combines_filters(db_session: AsyncSession) -> None:
    repo = tasks.SqlTaskRepository(db_session)
    [work] = await make_rows(db_session, Category, 1)
    a, b = await make_rows(db_session, Tag, 2)
    t1 = await repo.add(TaskIn(title="1", status="done", category_id=work, tag_ids=[a, b]))
    t2 = await repo.add(TaskIn(title="2", priority="high", tag_ids=[a]))
    t3 = await repo.add(TaskIn(title="3", status="done", priority="high"))

    async def ids(**filters: Any) -> list[int]:
        return [task.id for task in await repo.find(TaskFilters(**filters))]

    assert await ids() == [t1.id, t2.id, t3.id]
    assert await ids(status="done") == [t1.id, t3.id]
    assert await ids(status="done", priority="high") == [t3.id]
    assert await ids(category_id=work) == [t1.id]
    assert await ids(tag_id=[a]) == [t1.id, t2.id]
    assert await ids(tag_id=[a, b]) == [t1.id]  # ALL of the tags
    assert await ids(tag_id=[b, b]) == [t1.id]
    assert await ids(status="todo", tag_id=[b]) == []


async def test_usage_checks(db_session: AsyncSession) -> None:
    repo = tasks.SqlTaskRepository(db_session)
    used, unused = await make_rows(db_session, Category, 2)
    tag, free_tag = await make_rows(db_session, Tag, 2)
    await repo.add(TaskIn(title="t", category_id=used, tag_ids=[tag]))

    assert await repo.any_with_category(used)
    assert not await repo.any_with_category(unused)
    assert await repo.any_with_tag(tag)
    assert not await repo.any_with_tag(free_tag)


async def test_find_runs_the_same_queries_for_1_or_20_tasks(
    db_session: AsyncSession, db_engine: AsyncEngine
) -> None:
    repo = tasks.SqlTaskRepository(db_session)
    tag_ids = await make_rows(db_session, Tag, 3)

    async def queries_to_list(count: int) -> int:
        for i in range(count):
            await repo.add(TaskIn(title=f"task {i}", tag_ids=tag_ids))
        db_session.expunge_all()  # nothing cached: every list starts from the database
        with count_queries(db_engine) as queries:
            found = await repo.find(TaskFilters())
            assert all(task.tag_ids == tag_ids for task in found)
        return queries.count

    one = await queries_to_list(1)
    twenty = await queries_to_list(19)

    # Lazy loading would run 1 + N queries (one per task for its tags). Eager loading: the tasks,
    # then ONE query for the tags of all of them.
    assert one == twenty == 2


async def test_get_loads_the_task_and_its_tags_in_two_queries(
    db_session: AsyncSession, db_engine: AsyncEngine
) -> None:
    repo = tasks.SqlTaskRepository(db_session)
    tag_ids = await make_rows(db_session, Tag, 5)
    task = await repo.add(TaskIn(title="t", tag_ids=tag_ids))
    db_session.expunge_all()

    with count_queries(db_engine) as queries:
        assert (await repo.get(task.id)).tag_ids == tag_ids

    assert queries.count <= 2


async def test_relationships_refuse_to_lazy_load(db_session: AsyncSession) -> None:
    [category] = await make_rows(db_session, Category, 1)
    await tasks.SqlTaskRepository(db_session).add(TaskIn(title="t", category_id=category))
    db_session.expunge_all()

    task: Any = await db_session.scalar(select(task_models.Task))  # no eager loading asked for

    # lazy="raise": a forgotten eager load is an error in the tests, not N hidden queries in prod.
    with pytest.raises(InvalidRequestError, match="lazy='raise'"):
        _ = task.category
    with pytest.raises(InvalidRequestError, match="lazy='raise'"):
        _ = task.tag_ids
