"""The in-memory repositories (task 2), tested directly against a fresh store."""

from datetime import UTC, datetime, timedelta

import pytest

from testkit import impl_module

pytestmark = pytest.mark.task(2)
storage = impl_module("week03", "storage")
categories = impl_module("week03", "categories.repository")
category_schemas = impl_module("week03", "categories.schemas")
tags = impl_module("week03", "tags.repository")
tag_schemas = impl_module("week03", "tags.schemas")
tasks = impl_module("week03", "tasks.repository")
task_schemas = impl_module("week03", "tasks.schemas")


class StepClock:
    """A clock that moves one second per call: time is controlled, never read from the wall."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def test_store_ids_are_per_table_and_never_reused() -> None:
    store = storage.InMemoryStore()

    assert [store.next_id("tasks"), store.next_id("tasks"), store.next_id("tags")] == [1, 2, 1]


@pytest.mark.parametrize(
    ("repo_class", "make"),
    [
        (categories.InMemoryCategoryRepository, category_schemas.CategoryIn),
        (tags.InMemoryTagRepository, tag_schemas.TagIn),
    ],
)
@pytest.mark.points(2)
async def test_named_repository_crud(repo_class: type, make: type) -> None:
    repo = repo_class(storage.InMemoryStore())

    first = await repo.add(make(name="Work"))
    second = await repo.add(make(name="Home"))
    assert (first.id, second.id) == (1, 2)
    assert await repo.get(1) == first
    assert await repo.get(3) is None
    assert await repo.get_by_name("wORK") == first
    assert await repo.get_by_name("Play") is None
    assert await repo.list_all() == [first, second]

    renamed = await repo.replace(first, make(name="Job"))
    assert renamed.name == "Job"
    assert (await repo.get(1)).name == "Job"

    await repo.delete(second)
    assert await repo.list_all() == [renamed]
    assert (await repo.add(make(name="Again"))).id == 3  # ids are not reused


async def test_category_replace_sets_description() -> None:
    repo = categories.InMemoryCategoryRepository(storage.InMemoryStore())
    category = await repo.add(category_schemas.CategoryIn(name="A", description="old"))

    await repo.replace(category, category_schemas.CategoryIn(name="A"))

    assert (await repo.get(category.id)).description is None


@pytest.mark.points(2)
async def test_task_repository_add_get_update_delete() -> None:
    clock = StepClock()
    repo = tasks.InMemoryTaskRepository(storage.InMemoryStore(), clock=clock)

    task = await repo.add(task_schemas.TaskIn(title="t", tag_ids=[2]))
    assert (task.id, task.title, task.status, task.tag_ids) == (1, "t", "todo", [2])
    assert task.created_at == task.updated_at == clock.now
    assert await repo.get(1) == task

    updated = await repo.update(task, {"title": "new", "category_id": 4})
    assert (updated.title, updated.category_id) == ("new", 4)
    assert updated.created_at == task.created_at
    assert updated.updated_at > task.updated_at
    assert await repo.get(1) == updated

    await repo.delete(updated)
    assert await repo.get(1) is None


@pytest.mark.points(2)
async def test_task_repository_find_and_usage_checks() -> None:
    repo = tasks.InMemoryTaskRepository(storage.InMemoryStore())
    TaskIn, TaskFilters = task_schemas.TaskIn, task_schemas.TaskFilters
    a = await repo.add(TaskIn(title="a", status="done", category_id=1, tag_ids=[1, 2]))
    b = await repo.add(TaskIn(title="b", priority="high", tag_ids=[2]))

    assert await repo.find(TaskFilters()) == [a, b]
    assert await repo.find(TaskFilters(status="done")) == [a]
    assert await repo.find(TaskFilters(priority="high")) == [b]
    assert await repo.find(TaskFilters(category_id=1)) == [a]
    assert await repo.find(TaskFilters(tag_id=[2])) == [a, b]
    assert await repo.find(TaskFilters(tag_id=[1, 2])) == [a]
    assert await repo.find(TaskFilters(status="todo", tag_id=[1])) == []
    assert await repo.any_with_category(1)
    assert not await repo.any_with_category(2)
    assert await repo.any_with_tag(2)
    assert not await repo.any_with_tag(3)
