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
        raise NotImplementedError("TODO: task 6: the filters, newest first, limit + 1")

    async def update_if_version(self, task: Task, version: int, changes: dict[str, Any]) -> bool:
        """Compare-and-set: the UPDATE applies only if the row still has ``version``; two
        concurrent writers cannot both win."""
        raise NotImplementedError("TODO: task 6: compare-and-set on version")

    async def search(self, q: str, limit: int) -> Sequence[Task]:
        """Live tasks matching ``q``, best first (``ts_rank``; newest first among equals)."""
        raise NotImplementedError("TODO: task 9")
