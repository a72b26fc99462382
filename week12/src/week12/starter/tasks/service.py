"""Business rules of tasks: a task may only refer to a category and tags that exist."""

from collections.abc import Sequence
from typing import NoReturn

from ..categories.repository import CategoryRepository
from ..errors import InvalidReferenceError, InvalidRowsError, RowError
from ..etags import IfMatch
from ..pagination import SortKey
from ..pipeline.outbox import Outbox
from ..tags.repository import TagRepository
from .exceptions import TaskChangedError, TaskNotFoundError
from .models import Task
from .repository import TaskRepository, sort_key
from .schemas import TaskFilters, TaskIn, TaskPatch, TaskSort


def versions(if_match: IfMatch | None) -> frozenset[int] | None:
    """The versions a write may change: those If-Match names; None (any) without it, or for *.
    Without If-Match the last write wins, as v1 and week 6's v2 clients expect."""
    return None if if_match is None or if_match.any_version else if_match.versions


class TaskService:
    def __init__(
        self,
        tasks: TaskRepository,
        categories: CategoryRepository,
        tags: TagRepository,
        outbox: Outbox | None = None,  # week 11: None sends no e-mail (the seed script)
    ) -> None:
        self.tasks = tasks
        self.categories = categories
        self.tags = tags
        self.outbox = outbox

    async def create(self, data: TaskIn) -> Task:
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        task = await self.tasks.add(data)
        if self.outbox is not None:
            self.outbox.enqueue(
                "pipeline.notify",
                key=f"task-created:{task.id}",
                template="task_created",
                user_id=task.owner_id,
                data={"task_id": str(task.id), "title": task.title},
            )
        return task

    async def get(self, task_id: int) -> Task:
        task = await self.tasks.get(task_id)
        if task is None:
            raise TaskNotFoundError(task_id)
        return task

    async def search(self, filters: TaskFilters) -> list[Task]:
        return await self.tasks.find(filters)

    async def page(
        self, filters: TaskFilters, sort: TaskSort, after: SortKey | None, limit: int
    ) -> tuple[list[Task], SortKey | None]:
        """One page of tasks, and the key to continue after (None on the last page)."""
        rows = await self.tasks.find_page(filters, sort, after, limit + 1)
        items = rows[:limit]
        return items, sort_key(items[-1], sort) if len(rows) > limit else None

    async def import_many(
        self, rows: dict[int, TaskIn], invalid: Sequence[RowError] = ()
    ) -> list[int]:
        """Add every row or none. ``rows`` are the valid rows by their index in the request,
        ``invalid`` the errors of the others. The references of the valid rows are checked with
        one query per table, and every bad row is reported at once, whatever is wrong with it (a
        client fixes its file in one round)."""
        categories = await self.categories.existing_ids(
            {row.category_id for row in rows.values() if row.category_id is not None}
        )
        tags = await self.tags.existing_ids({tag for row in rows.values() for tag in row.tag_ids})
        errors = list(invalid)
        for index, row in rows.items():
            if row.category_id is not None and row.category_id not in categories:
                message = f"Category {row.category_id} does not exist"
                errors.append(RowError(index, ("category_id",), message))
            if missing := [tag for tag in row.tag_ids if tag not in tags]:
                message = f"Tag(s) {', '.join(map(str, missing))} do not exist"
                errors.append(RowError(index, ("tag_ids",), message))
        if errors:
            raise InvalidRowsError(sorted(errors, key=lambda error: error.row))
        return await self.tasks.add_many([rows[index] for index in sorted(rows)])

    async def get_if_match(self, task_id: int, if_match: IfMatch | None) -> Task:
        """The task, if the client's ``If-Match`` names its current version (or none was sent)."""
        task = await self.get(task_id)
        if if_match is not None and not if_match.matches(task.version):
            raise TaskChangedError(task_id, task.version)
        return task

    async def replace(self, task_id: int, data: TaskIn, if_match: IfMatch | None = None) -> Task:
        task = await self.get_if_match(task_id, if_match)
        await self._check_category(data.category_id)
        await self._check_tags(data.tag_ids)
        written = await self.tasks.update(task, data.model_dump(), versions(if_match))
        return written if written is not None else await self._missed(task_id)

    async def patch(self, task_id: int, data: TaskPatch, if_match: IfMatch | None = None) -> Task:
        task = await self.get_if_match(task_id, if_match)
        changes = data.model_dump(exclude_unset=True)
        if "category_id" in changes:
            await self._check_category(changes["category_id"])
        if "tag_ids" in changes:
            await self._check_tags(changes["tag_ids"])
        written = await self.tasks.update(task, changes, versions(if_match))
        return written if written is not None else await self._missed(task_id)

    async def delete(self, task_id: int, if_match: IfMatch | None = None) -> None:
        task = await self.get_if_match(task_id, if_match)
        if not await self.tasks.delete(task, versions(if_match)):
            await self._missed(task_id)

    async def _missed(self, task_id: int) -> NoReturn:
        """Why a compare-and-set matched no row: another request deleted the task since we read
        it (404), or wrote a version that If-Match does not name (412)."""
        current = await self.tasks.get(task_id)
        if current is None:
            raise TaskNotFoundError(task_id)
        raise TaskChangedError(task_id, current.version)

    async def _check_category(self, category_id: int | None) -> None:
        if category_id is not None and await self.categories.get(category_id) is None:
            raise InvalidReferenceError("category_id", f"Category {category_id} does not exist")

    async def _check_tags(self, tag_ids: list[int]) -> None:
        missing = [tag_id for tag_id in tag_ids if await self.tags.get(tag_id) is None]
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError("tag_ids", f"Tag(s) {names} do not exist")
