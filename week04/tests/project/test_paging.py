"""Task 2: keyset pages in the repository and the service (no HTTP)."""

from datetime import UTC, datetime
from typing import Any

import pytest

from testkit import impl_module

storage = impl_module("week04", "storage")
repository = impl_module("week04", "tasks.repository")
schemas = impl_module("week04", "tasks.schemas")
service_module = impl_module("week04", "tasks.service")
pytestmark = pytest.mark.task(2)
TaskSort, TaskIn, TaskFilters = schemas.TaskSort, schemas.TaskIn, schemas.TaskFilters
NOON = datetime(2026, 1, 1, 12, tzinfo=UTC)


async def seeded(*rows: dict[str, Any]) -> Any:
    """A repository whose clock never moves: every task has the same created_at (ties!)."""
    repo = repository.InMemoryTaskRepository(storage.InMemoryStore(), clock=lambda: NOON)
    for row in rows:
        await repo.add(TaskIn(**row))
    return repo


async def titles(repo: Any, sort: Any, after: Any = None, limit: int = 10) -> list[str]:
    return [t.title for t in await repo.find_page(TaskFilters(), sort, after, limit)]


@pytest.mark.points(2)
async def test_sorts_with_id_tie_breaker() -> None:
    repo = await seeded(
        {"title": "b", "priority": "high"}, {"title": "A", "priority": "low"},
        {"title": "c", "priority": "high"}, {"title": "a", "priority": "medium"},
    )  # fmt: skip

    assert await titles(repo, TaskSort.ID_DESC) == ["a", "c", "A", "b"]
    assert await titles(repo, TaskSort.TITLE) == [
        "A",
        "a",
        "b",
        "c",
    ]  # ignoring case; id breaks ties
    assert await titles(repo, TaskSort.PRIORITY) == ["A", "a", "b", "c"]
    assert await titles(repo, TaskSort.PRIORITY_DESC) == ["c", "b", "a", "A"]
    assert await titles(repo, TaskSort.CREATED_AT) == ["b", "A", "c", "a"]  # all equal: by id
    assert await titles(repo, TaskSort.CREATED_AT_DESC) == ["a", "c", "A", "b"]


@pytest.mark.points(2)
async def test_after_and_limit() -> None:
    repo = await seeded(*({"title": str(i)} for i in range(1, 6)))
    third = await repo.get(3)

    after = repository.sort_key(third, TaskSort.CREATED_AT)
    assert await titles(repo, TaskSort.CREATED_AT, after, limit=1) == ["4"]
    assert await titles(repo, TaskSort.CREATED_AT_DESC, after) == ["2", "1"]
    assert await titles(repo, TaskSort.ID, (5, 5)) == []


async def test_page_filters_like_find() -> None:
    repo = await seeded(
        {"title": "x", "status": "done"}, {"title": "y"}, {"title": "z", "status": "done"}
    )

    page = await repo.find_page(TaskFilters(status="done"), TaskSort.ID_DESC, None, 10)

    assert [t.title for t in page] == ["z", "x"]


@pytest.mark.points(2)
async def test_service_page_returns_the_key_to_continue() -> None:
    repo = await seeded(*({"title": str(i)} for i in range(1, 6)))
    store = repo.store
    service = service_module.TaskService(
        repo,
        impl_module("week04", "categories.repository").InMemoryCategoryRepository(store),
        impl_module("week04", "tags.repository").InMemoryTagRepository(store),
    )

    first, key = await service.page(TaskFilters(), TaskSort.ID, None, 2)
    second, key2 = await service.page(TaskFilters(), TaskSort.ID, key, 2)
    last, end = await service.page(TaskFilters(), TaskSort.ID, key2, 2)
    exact, none = await service.page(TaskFilters(), TaskSort.ID, None, 5)

    assert [[t.id for t in page] for page in (first, second, last)] == [[1, 2], [3, 4], [5]]
    assert (key, key2, end) == ((2, 2), (4, 4), None)
    assert (len(exact), none) == (5, None)  # exactly full: no empty extra page
