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
        raise NotImplementedError("TODO: task 6")


class TaskRepository(TenantRepository[Task]):
    model = Task

    # TODO (task 6): the queries TaskService needs, each from scoped()/scoped_update(): a page
    # with the filters (newest first, limit + 1), a compare-and-set update on version, whether
    # a project has live tasks;
    # (task 9) the ranked full-text search
