"""Comments on a task: post one (its @mentions resolved to members), read the conversation, edit
one (its author; the mentions read again) or delete one (its author or an admin); all audited."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.service import AuditLog
from ..errors import NotFoundError, PermissionDeniedError
from ..tasks.service import TaskService
from ..tenancy.dependencies import Tenant
from ..tenancy.models import Role
from .models import Comment
from .repository import CommentRepository, mentioned_addresses
from .schemas import CommentIn, CommentOut


def comment_out(comment: Comment, mentions: list[int]) -> CommentOut:
    raise NotImplementedError("TODO: task 8")


class CommentService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        raise NotImplementedError("TODO: task 8")

    async def create(self, task_id: int, body: CommentIn) -> CommentOut:
        """The comment, by the caller; mentioned members are recorded (part 2 notifies them)."""
        raise NotImplementedError("TODO: task 8")

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[CommentOut]:
        raise NotImplementedError("TODO: task 8")

    async def _get(self, comment_id: int) -> Comment:
        """This organisation's comment, on a live task, else 404."""
        raise NotImplementedError("TODO: task 8")

    async def update(self, comment_id: int, body: CommentIn) -> CommentOut:
        """A new body, by the comment's author only (words in someone else's mouth: 403); the
        mentions are those of the new body."""
        raise NotImplementedError("TODO: task 8")

    async def delete(self, comment_id: int) -> None:
        """Gone for good (its mentions with it), by its author or an admin (moderation); the
        audit event keeps what it said."""
        raise NotImplementedError("TODO: task 8")
