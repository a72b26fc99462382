"""Tasks of one organisation: references checked in the tenant, the status workflow, optimistic
concurrency (``If-Match``), soft delete; every change audited."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.service import AuditLog
from ..errors import ConflictError, InvalidReferenceError, NotFoundError, PreconditionFailedError
from ..idempotency import IdempotencyKeys, StoredResponse, fingerprint
from ..projects.repository import ProjectRepository
from ..tenancy.dependencies import Tenant
from ..tenancy.repository import MembershipRepository
from .models import TRANSITIONS, Status, Task
from .repository import TaskFilters, TaskRepository
from .schemas import TaskIn, TaskOut, TaskPatch


def etag(task: Task) -> str:
    raise NotImplementedError("TODO: task 6")


@dataclass(frozen=True)
class Created:
    """A created task as the API answers it: the body and the ``ETag``."""

    task: TaskOut
    etag: str


def snapshot(task: Task) -> dict[str, Any]:
    raise NotImplementedError("TODO: task 4")


class TaskService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        raise NotImplementedError("TODO: task 6")

    async def page(self, filters: TaskFilters, limit: int, before_id: int | None) -> Sequence[Task]:
        raise NotImplementedError("TODO: task 6")

    async def get(self, task_id: int) -> Task:
        raise NotImplementedError("TODO: task 6")

    async def _get_locked(self, task_id: int) -> Task:
        raise NotImplementedError("TODO: task 6")

    async def _check_references(self, project_id: int | None, assignee_id: int | None) -> None:
        raise NotImplementedError("TODO: task 6: of THIS organisation, else 422")

    async def create(self, body: TaskIn) -> Task:
        raise NotImplementedError("TODO: task 6")

    async def create_once(self, body: TaskIn, key: str | None) -> Created:
        """``create``, at most once per ``Idempotency-Key``: a retry gets the first answer."""
        raise NotImplementedError("TODO: task 6: claim, replay, or create and save")

    async def update(self, task_id: int, body: TaskPatch, if_match: int | None) -> Task:
        raise NotImplementedError("TODO: task 6: If-Match, workflow, compare-and-set")

    async def search(self, q: str, limit: int) -> Sequence[Task]:
        raise NotImplementedError("TODO: task 9")

    async def delete(self, task_id: int, now: datetime) -> None:
        raise NotImplementedError("TODO: task 6")
