"""Projects of one organisation: create, rename, soft-delete; every change audited."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.service import AuditLog
from ..errors import ConflictError, NotFoundError
from ..tasks.repository import TaskRepository
from ..tenancy.dependencies import Tenant
from .models import Project
from .repository import ProjectRepository
from .schemas import ProjectIn, ProjectOut, ProjectPatch


def snapshot(project: Project) -> dict[str, Any]:
    raise NotImplementedError("TODO: task 4: the response schema's JSON")


class ProjectService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        raise NotImplementedError("TODO: task 5")

    async def list(self) -> Sequence[Project]:
        raise NotImplementedError("TODO: task 5")

    async def get(self, project_id: int) -> Project:
        raise NotImplementedError("TODO: task 5")

    async def _check_name(self, name: str, except_id: int | None = None) -> None:
        raise NotImplementedError("TODO: task 5")

    async def create(self, body: ProjectIn) -> Project:
        raise NotImplementedError("TODO: task 5")

    async def update(self, project_id: int, body: ProjectPatch) -> Project:
        raise NotImplementedError("TODO: task 5")

    async def delete(self, project_id: int, now: datetime) -> None:
        """Soft delete ([ADR 0007](../../../../docs/adr/0007-soft-deletes.md)): the row stays,
        hidden from every read, until the retention job purges it."""
        raise NotImplementedError("TODO: task 5: soft delete, locked; 409 while it has live tasks")
