from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func

from ..tenancy.base import TenantRepository
from .models import Status, Task
from .search import ENGLISH, prefix_query


@dataclass(frozen=True)
class TaskFilters:
    project_id: int | None = None
    status: Status | None = None
    assignee_id: int | None = None
    label: str | None = None

    def key(self) -> str:
        """The filters, canonical: a cursor is valid only for the filters it was issued for."""
        # BEGIN SOLUTION task 6
        return f"tasks:{self.project_id}:{self.status}:{self.assignee_id}:{self.label}"
        # END SOLUTION


class TaskRepository(TenantRepository[Task]):
    model = Task

    # BEGIN SOLUTION task 6
    async def page(self, filters: TaskFilters, limit: int, before_id: int | None) -> Sequence[Task]:
        """Newest first, ``limit + 1`` rows (see ``pagination.paginate``)."""
        query = self.scoped().order_by(Task.id.desc()).limit(limit + 1)
        if before_id is not None:
            query = query.where(Task.id < before_id)
        if filters.project_id is not None:
            query = query.where(Task.project_id == filters.project_id)
        if filters.status is not None:
            query = query.where(Task.status == filters.status)
        if filters.assignee_id is not None:
            query = query.where(Task.assignee_id == filters.assignee_id)
        if filters.label is not None:
            query = query.where(Task.labels.contains([filters.label]))  # uses the GIN index
        return (await self.session.scalars(query)).all()

    async def update_if_version(self, task: Task, version: int, changes: dict[str, Any]) -> bool:
        """Compare-and-set: the UPDATE applies only if the row still has ``version``; two
        concurrent writers cannot both win."""
        query = (
            self.scoped_update()
            .where(Task.id == task.id, Task.version == version)
            .values(**changes, version=Task.version + 1)
            .returning(Task.id)
        )
        if await self.session.scalar(query) is None:
            return False
        await self.session.refresh(task)
        return True

    async def live_in(self, project_id: int) -> bool:
        """Whether the project has a live task."""
        query = self.scoped().where(Task.project_id == project_id).limit(1)
        return await self.session.scalar(query) is not None

    async def search(self, q: str, limit: int) -> Sequence[Task]:
        """Live tasks matching ``q``, best first (``ts_rank``; newest first among equals)."""
        terms = prefix_query(q)
        if terms is None:
            return []
        query = func.to_tsquery(ENGLISH, terms)
        rank = func.ts_rank(Task.document, query)
        matches = self.scoped().where(Task.document.bool_op("@@")(query))
        rows = await self.session.scalars(
            matches.order_by(rank.desc(), Task.id.desc()).limit(limit)
        )
        return rows.all()

    # REPLACE WITH
    # # TODO (task 6): the queries TaskService needs, each from scoped()/scoped_update(): a page
    # # with the filters (newest first, limit + 1), a compare-and-set update on version, whether
    # # a project has live tasks;
    # # (task 9) the ranked full-text search
    # END SOLUTION
