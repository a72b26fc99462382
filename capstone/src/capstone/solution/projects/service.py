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
    # BEGIN SOLUTION task 4: the response schema's JSON
    return ProjectOut.model_validate(project).model_dump(mode="json")
    # END SOLUTION


class ProjectService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        # BEGIN SOLUTION task 5
        self.projects = ProjectRepository(session, tenant.org_id)
        self.tasks = TaskRepository(session, tenant.org_id)
        self.audit = AuditLog(session, tenant)
        # END SOLUTION

    async def list(self) -> Sequence[Project]:
        # BEGIN SOLUTION task 5
        return await self.projects.all()
        # END SOLUTION

    async def get(self, project_id: int) -> Project:
        # BEGIN SOLUTION task 5
        project = await self.projects.get(project_id)
        if project is None:
            raise NotFoundError(f"Project {project_id} does not exist")
        return project
        # END SOLUTION

    async def _check_name(self, name: str, except_id: int | None = None) -> None:
        # BEGIN SOLUTION task 5
        if await self.projects.name_taken(name, except_id):
            raise ConflictError(f"A project named {name!r} exists already")
        # END SOLUTION

    async def create(self, body: ProjectIn) -> Project:
        # BEGIN SOLUTION task 5
        await self._check_name(body.name)
        project = await self.projects.add(**body.model_dump())
        await self.audit.record("project.created", "project", project.id, None, snapshot(project))
        return project
        # END SOLUTION

    async def update(self, project_id: int, body: ProjectPatch) -> Project:
        # BEGIN SOLUTION task 5
        project = await self.get(project_id)
        before = snapshot(project)
        changes = body.model_dump(exclude_unset=True, exclude_none=True)
        if "name" in changes:
            await self._check_name(changes["name"], except_id=project_id)
        for name, value in changes.items():
            setattr(project, name, value)
        await self.projects.session.flush()
        await self.audit.record("project.updated", "project", project.id, before, snapshot(project))
        return project
        # END SOLUTION

    async def delete(self, project_id: int, now: datetime) -> None:
        """Soft delete ([ADR 0007](../../../../docs/adr/0007-soft-deletes.md)): the row stays,
        hidden from every read, until the retention job purges it."""
        # BEGIN SOLUTION task 5: soft delete, locked; 409 while it has live tasks
        # FOR UPDATE: of simultaneous deletes one wins, the others then find no live row (404,
        # one audit event); a task being created in the project holds FOR SHARE on it, so the
        # count below sees that task.
        project = await self.projects.get_locked(project_id)
        if project is None:
            raise NotFoundError(f"Project {project_id} does not exist")
        if await self.tasks.live_in(project_id):
            raise ConflictError(f"Project {project_id} has tasks; delete or move them first")
        project.deleted_at = now
        await self.projects.session.flush()
        await self.audit.record("project.deleted", "project", project.id, snapshot(project), None)
        # END SOLUTION
