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
    # BEGIN SOLUTION task 6
    return f'"{task.version}"'
    # END SOLUTION


@dataclass(frozen=True)
class Created:
    """A created task as the API answers it: the body and the ``ETag``."""

    task: TaskOut
    etag: str


def snapshot(task: Task) -> dict[str, Any]:
    # BEGIN SOLUTION task 4
    return TaskOut.model_validate(task).model_dump(mode="json")
    # END SOLUTION


class TaskService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        # BEGIN SOLUTION task 6
        self.tasks = TaskRepository(session, tenant.org_id)
        self.projects = ProjectRepository(session, tenant.org_id)
        self.members = MembershipRepository(session, tenant.org_id)
        self.audit = AuditLog(session, tenant)
        self.keys = IdempotencyKeys(session, tenant.org_id, tenant.user_id)
        # END SOLUTION

    async def page(self, filters: TaskFilters, limit: int, before_id: int | None) -> Sequence[Task]:
        # BEGIN SOLUTION task 6
        return await self.tasks.page(filters, limit, before_id)
        # END SOLUTION

    async def get(self, task_id: int) -> Task:
        # BEGIN SOLUTION task 6
        task = await self.tasks.get(task_id)
        if task is None:
            raise NotFoundError(f"Task {task_id} does not exist")
        return task
        # END SOLUTION

    async def _get_locked(self, task_id: int) -> Task:
        # BEGIN SOLUTION task 6
        task = await self.tasks.get_locked(task_id)
        if task is None:
            raise NotFoundError(f"Task {task_id} does not exist")
        return task
        # END SOLUTION

    async def _check_references(self, project_id: int | None, assignee_id: int | None) -> None:
        # BEGIN SOLUTION task 6: of THIS organisation, else 422
        # Another organisation's project or user is "does not exist" here, like a made-up id.
        # FOR SHARE on the project: a concurrent DELETE of it waits for this transaction (and
        # then sees the task), or has committed and the project is not found.
        if (
            project_id is not None
            and await self.projects.get_locked(project_id, share=True) is None
        ):
            raise InvalidReferenceError("project_id", f"Project {project_id} does not exist")
        if assignee_id is not None and await self.members.get_for(assignee_id) is None:
            raise InvalidReferenceError(
                "assignee_id", f"User {assignee_id} is not a member of this organisation"
            )
        # END SOLUTION

    async def create(self, body: TaskIn) -> Task:
        # BEGIN SOLUTION task 6
        await self._check_references(body.project_id, body.assignee_id)
        task = await self.tasks.add(**body.model_dump())
        await self.audit.record("task.created", "task", task.id, None, snapshot(task))
        return task
        # END SOLUTION

    async def create_once(self, body: TaskIn, key: str | None) -> Created:
        """``create``, at most once per ``Idempotency-Key``: a retry gets the first answer."""
        # BEGIN SOLUTION task 6: claim, replay, or create and save
        if key is None:
            task = await self.create(body)
            return Created(TaskOut.model_validate(task), etag(task))
        await self.keys.claim(key)
        request = fingerprint(body)
        if (stored := await self.keys.replay(key, request)) is not None:
            return Created(TaskOut.model_validate(stored.body), stored.etag)
        task = await self.create(body)
        created = Created(TaskOut.model_validate(task), etag(task))
        await self.keys.save(
            key, StoredResponse(request, created.task.model_dump(mode="json"), created.etag)
        )
        return created
        # END SOLUTION

    async def update(self, task_id: int, body: TaskPatch, if_match: int | None) -> Task:
        # BEGIN SOLUTION task 6: If-Match, workflow, compare-and-set
        # Without If-Match the last write wins: FOR UPDATE makes simultaneous writers take
        # turns, each reading what the previous one committed. With it, nothing is locked: the
        # compare-and-set below refuses a write based on a version that is no longer current.
        task = await self._get_locked(task_id) if if_match is None else await self.get(task_id)
        if if_match is not None and if_match != task.version:
            raise PreconditionFailedError(
                f"Task {task_id} is at version {task.version}, not {if_match}; reload it"
            )
        changes = body.model_dump(exclude_unset=True)
        await self._check_references(None, changes.get("assignee_id"))
        status, allowed = changes.get("status"), TRANSITIONS[Status(task.status)]
        if status is not None and status != task.status and status not in allowed:
            targets = ", ".join(sorted(allowed))
            raise ConflictError(f"A {task.status} task can move to {targets}, not {status}")
        before = snapshot(task)
        if not await self.tasks.update_if_version(task, task.version, changes):
            raise PreconditionFailedError(f"Task {task_id} was changed meanwhile; reload it")
        await self.audit.record("task.updated", "task", task.id, before, snapshot(task))
        return task
        # END SOLUTION

    async def search(self, q: str, limit: int) -> Sequence[Task]:
        # BEGIN SOLUTION task 9
        return await self.tasks.search(q, limit)
        # END SOLUTION

    async def delete(self, task_id: int, now: datetime) -> None:
        # BEGIN SOLUTION task 6
        # Locked: of simultaneous deletes one wins, the others then find no live task (404; no
        # precondition was sent, so not 412). Under the lock the compare-and-set cannot miss.
        task = await self._get_locked(task_id)
        before = snapshot(task)
        await self.tasks.update_if_version(task, task.version, {"deleted_at": now})
        await self.audit.record("task.deleted", "task", task.id, before, None)
        # END SOLUTION
