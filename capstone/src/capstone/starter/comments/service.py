"""Comments on a task: post one (its @mentions resolved to members), read the conversation."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.service import AuditLog
from ..tasks.service import TaskService
from ..tenancy.dependencies import Tenant
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
