from collections.abc import AsyncIterator

import pytest_asyncio
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from week07.lectures import l2_raw_sql as lecture


@pytest_asyncio.fixture(loop_scope="session")
async def session(scratch: AsyncEngine) -> AsyncIterator[AsyncSession]:
    await lecture.setup(scratch)
    async with AsyncSession(scratch) as session:
        yield session


async def test_recursive_cte_with_text(session: AsyncSession) -> None:
    assert await lecture.subtree(session, 2) == [
        (2, "Write docs", 0),
        (3, "Proofread docs", 1),
        (4, "Index the docs", 1),
    ]


async def test_text_into_orm_objects_with_bound_values(session: AsyncSession) -> None:
    found = await lecture.find_by_title(session, "Write docs")
    assert [(task.id, type(task).__name__) for task in found] == [(2, "Task")]
    # The classic injection is just a title that does not exist.
    assert await lecture.find_by_title(session, "x' OR '1'='1") == []


async def test_hybrid_property_agrees_in_python_and_sql(session: AsyncSession) -> None:
    in_sql = await lecture.overdue_in_sql(session)
    tasks = await session.scalars(select(lecture.Task).order_by(lecture.Task.id))
    in_python = [task.title for task in tasks if task.is_overdue]
    assert in_sql == in_python == ["Write docs", "Unrelated"]


def test_hybrid_property_compiles_to_a_where_clause() -> None:
    assert "WHERE tasks.done IS false AND tasks.due_date <" in lecture.overdue_sql()
