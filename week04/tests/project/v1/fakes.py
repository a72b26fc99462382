"""Hand-written fake repositories for the service unit tests (test doubles, not the real store).

Each fake implements the repository interface with a plain dict and records nothing else: the
tests check what the service returns and raises, and what ended up stored.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from testkit import impl_module

# The interfaces of the implementation under test (typed Any: chosen at run time by --impl).
CategoryRepository: Any = impl_module("week04", "categories.repository").CategoryRepository
TagRepository: Any = impl_module("week04", "tags.repository").TagRepository
TaskRepository: Any = impl_module("week04", "tasks.repository").TaskRepository
Category = impl_module("week04", "categories.models").Category
Tag = impl_module("week04", "tags.models").Tag
Task = impl_module("week04", "tasks.models").Task
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)


class FakeCategories(CategoryRepository):  # type: ignore[misc]
    def __init__(self, *names: str) -> None:
        self.rows = {i: Category(id=i, name=n, description=None) for i, n in enumerate(names, 1)}

    async def add(self, data: Any) -> Any:
        row = Category(id=len(self.rows) + 1, **data.model_dump())
        self.rows[row.id] = row
        return row

    async def get(self, category_id: int) -> Any:
        return self.rows.get(category_id)

    async def get_by_name(self, name: str) -> Any:
        return next((r for r in self.rows.values() if r.name.lower() == name.lower()), None)

    async def list_all(self) -> list[Any]:
        return list(self.rows.values())

    async def replace(self, category: Any, data: Any) -> Any:
        self.rows[category.id] = row = Category(id=category.id, **data.model_dump())
        return row

    async def delete(self, category: Any) -> None:
        del self.rows[category.id]


class FakeTags(TagRepository):  # type: ignore[misc]
    def __init__(self, *names: str) -> None:
        self.rows = {i: Tag(id=i, name=n) for i, n in enumerate(names, 1)}

    async def add(self, data: Any) -> Any:
        row = Tag(id=len(self.rows) + 1, name=data.name)
        self.rows[row.id] = row
        return row

    async def get(self, tag_id: int) -> Any:
        return self.rows.get(tag_id)

    async def get_by_name(self, name: str) -> Any:
        return next((r for r in self.rows.values() if r.name.lower() == name.lower()), None)

    async def list_all(self) -> list[Any]:
        return list(self.rows.values())

    async def replace(self, tag: Any, data: Any) -> Any:
        self.rows[tag.id] = row = Tag(id=tag.id, name=data.name)
        return row

    async def delete(self, tag: Any) -> None:
        del self.rows[tag.id]


class FakeTasks(TaskRepository):  # type: ignore[misc]
    def __init__(self) -> None:
        self.rows: dict[int, Any] = {}
        self.found_with: Any = None

    def seed(self, **fields: Any) -> Any:
        defaults: dict[str, Any] = {
            "title": "t", "description": None, "status": "todo", "priority": "medium",
            "due_date": None, "category_id": None, "tag_ids": [],
        }  # fmt: skip
        row = Task(
            id=len(self.rows) + 1,
            **(defaults | fields),
            created_at=FIXED_TIME,
            updated_at=FIXED_TIME,
        )
        self.rows[row.id] = row
        return row

    async def add(self, data: Any) -> Any:
        return self.seed(**data.model_dump())

    async def get(self, task_id: int) -> Any:
        return self.rows.get(task_id)

    async def find(self, filters: Any) -> list[Any]:
        self.found_with = filters  # filtering itself is the repository's job, tested there
        return list(self.rows.values())

    async def find_page(self, filters: Any, sort: Any, after: Any, limit: int) -> list[Any]:
        return list(self.rows.values())[:limit]  # paging itself is tested on the real repository

    async def update(self, task: Any, changes: Mapping[str, Any]) -> Any:
        self.rows[task.id] = row = replace(task, **changes)
        return row

    async def delete(self, task: Any) -> None:
        del self.rows[task.id]

    async def any_with_category(self, category_id: int) -> bool:
        return any(t.category_id == category_id for t in self.rows.values())

    async def any_with_tag(self, tag_id: int) -> bool:
        return any(tag_id in t.tag_ids for t in self.rows.values())
