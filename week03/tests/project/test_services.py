"""Unit tests of the services against fake repositories (tasks 3 and 4): no HTTP, no store."""

from typing import Any

import pytest

from testkit import impl_module

from .fakes import FakeCategories, FakeTags, FakeTasks

category_service = impl_module("week03", "categories.service")
category_schemas = impl_module("week03", "categories.schemas")
category_errors = impl_module("week03", "categories.exceptions")
tag_service = impl_module("week03", "tags.service")
tag_schemas = impl_module("week03", "tags.schemas")
tag_errors = impl_module("week03", "tags.exceptions")
task_service = impl_module("week03", "tasks.service")
task_schemas = impl_module("week03", "tasks.schemas")
task_errors = impl_module("week03", "tasks.exceptions")
errors = impl_module("week03", "errors")


def category_in(name: str, description: str | None = None) -> Any:
    return category_schemas.CategoryIn(name=name, description=description)


# --- categories (task 3) ---


@pytest.mark.task(3)
async def test_category_create_refuses_a_taken_name() -> None:
    repo = FakeCategories("Work")
    service = category_service.CategoryService(repo, FakeTasks())

    created = await service.create(category_in("Home"))
    with pytest.raises(category_errors.CategoryNameTakenError):
        await service.create(category_in("work"))

    assert created.name == "Home"
    assert [c.name for c in repo.rows.values()] == ["Work", "Home"]


@pytest.mark.task(3)
async def test_category_get_and_list() -> None:
    service = category_service.CategoryService(FakeCategories("A", "B"), FakeTasks())

    assert (await service.get(2)).name == "B"
    assert [c.name for c in await service.list_all()] == ["A", "B"]
    with pytest.raises(category_errors.CategoryNotFoundError) as caught:
        await service.get(3)
    assert isinstance(caught.value, errors.NotFoundError)
    assert caught.value.detail == "Category 3 does not exist"


@pytest.mark.task(3)
async def test_category_replace_rules() -> None:
    repo = FakeCategories("A", "B")
    service = category_service.CategoryService(repo, FakeTasks())

    assert (await service.replace(1, category_in("a", "lower"))).description == "lower"
    with pytest.raises(category_errors.CategoryNameTakenError):
        await service.replace(1, category_in("B"))
    with pytest.raises(category_errors.CategoryNotFoundError):
        await service.replace(9, category_in("C"))
    assert repo.rows[1].name == "a"


@pytest.mark.task(3)
@pytest.mark.points(2)
async def test_category_in_use_cannot_be_deleted() -> None:
    repo, tasks = FakeCategories("Used", "Free"), FakeTasks()
    tasks.seed(category_id=1)
    service = category_service.CategoryService(repo, tasks)

    with pytest.raises(category_errors.CategoryInUseError) as caught:
        await service.delete(1)
    await service.delete(2)
    with pytest.raises(category_errors.CategoryNotFoundError):
        await service.delete(2)

    assert isinstance(caught.value, errors.ConflictError)
    assert list(repo.rows) == [1]


@pytest.mark.task(3)
async def test_tag_rules() -> None:
    repo, tasks = FakeTags("urgent", "later"), FakeTasks()
    tasks.seed(tag_ids=[1])
    service = tag_service.TagService(repo, tasks)

    with pytest.raises(tag_errors.TagNameTakenError):
        await service.create(tag_schemas.TagIn(name="URGENT"))
    with pytest.raises(tag_errors.TagNameTakenError):
        await service.replace(2, tag_schemas.TagIn(name="Urgent"))
    with pytest.raises(tag_errors.TagInUseError):
        await service.delete(1)
    with pytest.raises(tag_errors.TagNotFoundError):
        await service.get(5)
    assert (await service.create(tag_schemas.TagIn(name="new"))).id == 3
    assert (await service.replace(2, tag_schemas.TagIn(name="LATER"))).name == "LATER"
    assert [t.name for t in await service.list_all()] == ["urgent", "LATER", "new"]
    await service.delete(2)
    assert list(repo.rows) == [1, 3]


# --- tasks (task 4) ---


def make_task_service(tasks: FakeTasks | None = None) -> Any:
    return task_service.TaskService(
        tasks or FakeTasks(), FakeCategories("Work"), FakeTags("a", "b")
    )


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_task_create_checks_references() -> None:
    tasks = FakeTasks()
    service = make_task_service(tasks)
    TaskIn = task_schemas.TaskIn

    created = await service.create(TaskIn(title="ok", category_id=1, tag_ids=[1, 2]))
    with pytest.raises(errors.InvalidReferenceError) as no_category:
        await service.create(TaskIn(title="t", category_id=2))
    with pytest.raises(errors.InvalidReferenceError) as no_tags:
        await service.create(TaskIn(title="t", tag_ids=[1, 3, 4]))

    assert (created.category_id, created.tag_ids) == (1, [1, 2])
    assert no_category.value.field == "category_id"
    assert no_tags.value.field == "tag_ids"
    assert "3, 4" in no_tags.value.detail
    assert list(tasks.rows) == [1]  # nothing stored for the rejected ones


@pytest.mark.task(4)
async def test_task_get_search_delete() -> None:
    tasks = FakeTasks()
    tasks.seed(title="one")
    service = make_task_service(tasks)
    filters = task_schemas.TaskFilters(status="done")

    assert (await service.get(1)).title == "one"
    assert [t.title for t in await service.search(filters)] == ["one"]
    assert tasks.found_with is filters
    await service.delete(1)
    for call in (service.get, service.delete):
        with pytest.raises(task_errors.TaskNotFoundError):
            await call(1)


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_task_replace_sets_every_field() -> None:
    tasks = FakeTasks()
    tasks.seed(title="old", description="d", priority="high", tag_ids=[1])
    service = make_task_service(tasks)

    task = await service.replace(1, task_schemas.TaskIn(title="new"))

    assert (task.title, task.description, task.priority, task.tag_ids) == (
        "new",
        None,
        "medium",
        [],
    )
    with pytest.raises(errors.InvalidReferenceError):
        await service.replace(1, task_schemas.TaskIn(title="x", category_id=5))
    with pytest.raises(task_errors.TaskNotFoundError):
        await service.replace(2, task_schemas.TaskIn(title="x"))


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_task_patch_changes_only_what_was_sent() -> None:
    tasks = FakeTasks()
    tasks.seed(title="keep", description="d", category_id=1, tag_ids=[1])
    service = make_task_service(tasks)
    TaskPatch = task_schemas.TaskPatch

    task = await service.patch(1, TaskPatch(status="done", category_id=None))

    assert (task.title, task.description, task.status) == ("keep", "d", "done")
    assert (task.category_id, task.tag_ids) == (None, [1])
    assert (await service.patch(1, TaskPatch(tag_ids=[2]))).tag_ids == [2]
    with pytest.raises(errors.InvalidReferenceError):
        await service.patch(1, TaskPatch(category_id=7))
    with pytest.raises(errors.InvalidReferenceError):
        await service.patch(1, TaskPatch(tag_ids=[9]))
    with pytest.raises(task_errors.TaskNotFoundError):
        await service.patch(2, TaskPatch())
