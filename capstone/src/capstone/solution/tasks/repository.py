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
        return f"tasks:{self.project_id}:{self.status}:{self.assignee_id}:{self.label}"


class TaskRepository(TenantRepository[Task]):
    model = Task

    async def page(self, filters: TaskFilters, limit: int, before_id: int | None) -> Sequence[Task]:
        """Newest first, ``limit + 1`` rows (see ``pagination.paginate``)."""
        # BEGIN SOLUTION task 6: the filters, newest first, limit + 1
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
        # END SOLUTION

    async def update_if_version(self, task: Task, version: int, changes: dict[str, Any]) -> bool:
        """Compare-and-set: the UPDATE applies only if the row still has ``version``; two
        concurrent writers cannot both win."""
        # BEGIN SOLUTION task 6: compare-and-set on version
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
        # END SOLUTION

    async def search(self, q: str, limit: int) -> Sequence[Task]:
        """Live tasks matching ``q``, best first (``ts_rank``; newest first among equals)."""
        # BEGIN SOLUTION task 9
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
        # END SOLUTION
