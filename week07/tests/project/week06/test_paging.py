"""Task 1: keyset pages in SQL (week 4's paging tests, on the PostgreSQL repository)."""

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from testkit import impl_module

repository = impl_module("week07", "tasks.repository")
schemas = impl_module("week07", "tasks.schemas")
service_module = impl_module("week07", "tasks.service")
pytestmark = pytest.mark.task(1)
TaskSort, TaskIn, TaskFilters = schemas.TaskSort, schemas.TaskIn, schemas.TaskFilters
NOON = datetime(2026, 1, 1, 12, tzinfo=UTC)


async def seeded(session: AsyncSession, *rows: dict[str, Any]) -> tuple[Any, list[int]]:
    """A repository whose clock never moves: every task has the same created_at (ties!)."""
    repo = repository.SqlTaskRepository(session, clock=lambda: NOON)
    ids = [(await repo.add(TaskIn(**row))).id for row in rows]
    return repo, ids


async def titles(repo: Any, sort: Any, after: Any = None, limit: int = 10) -> list[str]:
    return [t.title for t in await repo.find_page(TaskFilters(), sort, after, limit)]


async def test_sorts_with_id_tie_breaker(db_session: AsyncSession) -> None:
    repo, _ = await seeded(
        db_session,
        {"title": "b", "priority": "high"}, {"title": "A", "priority": "low"},
        {"title": "c", "priority": "high"}, {"title": "a", "priority": "medium"},
    )  # fmt: skip

    assert await titles(repo, TaskSort.ID_DESC) == ["a", "c", "A", "b"]
    assert await titles(repo, TaskSort.TITLE) == ["A", "a", "b", "c"]  # ignoring case; id ties
    assert await titles(repo, TaskSort.TITLE_DESC) == ["c", "b", "a", "A"]
    assert await titles(repo, TaskSort.PRIORITY) == ["A", "a", "b", "c"]
    assert await titles(repo, TaskSort.PRIORITY_DESC) == ["c", "b", "a", "A"]
    assert await titles(repo, TaskSort.CREATED_AT) == ["b", "A", "c", "a"]  # all equal: by id
    assert await titles(repo, TaskSort.CREATED_AT_DESC) == ["a", "c", "A", "b"]


async def test_after_and_limit(db_session: AsyncSession) -> None:
    repo, ids = await seeded(db_session, *({"title": str(i)} for i in range(1, 6)))
    third = await repo.get(ids[2])

    after = repository.sort_key(third, TaskSort.CREATED_AT)
    assert await titles(repo, TaskSort.CREATED_AT, after, limit=1) == ["4"]
    assert await titles(repo, TaskSort.CREATED_AT_DESC, after) == ["2", "1"]
    assert await titles(repo, TaskSort.ID, (ids[-1], ids[-1])) == []
    title_key = repository.sort_key(third, TaskSort.TITLE_DESC)
    assert await titles(repo, TaskSort.TITLE_DESC, title_key) == ["2", "1"]
    priority_key = repository.sort_key(third, TaskSort.PRIORITY)
    assert await titles(repo, TaskSort.PRIORITY, priority_key) == ["4", "5"]


async def test_page_filters_like_find(db_session: AsyncSession) -> None:
    repo, _ = await seeded(
        db_session,
        {"title": "x", "status": "done"},
        {"title": "y"},
        {"title": "z", "status": "done"},
    )

    page = await repo.find_page(TaskFilters(status="done"), TaskSort.ID_DESC, None, 10)

    assert [t.title for t in page] == ["z", "x"]


async def test_service_page_returns_the_key_to_continue(db_session: AsyncSession) -> None:
    repo, ids = await seeded(db_session, *({"title": str(i)} for i in range(1, 6)))
    service = service_module.TaskService(
        repo,
        impl_module("week07", "categories.repository").SqlCategoryRepository(db_session),
        impl_module("week07", "tags.repository").SqlTagRepository(db_session),
    )

    first, key = await service.page(TaskFilters(), TaskSort.ID, None, 2)
    second, key2 = await service.page(TaskFilters(), TaskSort.ID, key, 2)
    last, end = await service.page(TaskFilters(), TaskSort.ID, key2, 2)
    exact, none = await service.page(TaskFilters(), TaskSort.ID, None, 5)

    assert [[t.id for t in page] for page in (first, second, last)] == [ids[:2], ids[2:4], ids[4:]]
    assert (key, key2, end) == ((ids[1], ids[1]), (ids[3], ids[3]), None)
    assert (len(exact), none) == (5, None)  # exactly full: no empty extra page
