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
    # BEGIN SOLUTION task 8
    return CommentOut(
        id=comment.id,
        task_id=comment.task_id,
        author_id=comment.author_id,
        body=comment.body,
        mentions=mentions,
        created_at=comment.created_at,
    )
    # END SOLUTION


class CommentService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        # BEGIN SOLUTION task 8
        self.tenant = tenant
        self.tasks = TaskService(session, tenant)
        self.comments = CommentRepository(session, tenant.org_id)
        self.audit = AuditLog(session, tenant)
        # END SOLUTION

    async def create(self, task_id: int, body: CommentIn) -> CommentOut:
        """The comment, by the caller; mentioned members are recorded (part 2 notifies them)."""
        # BEGIN SOLUTION task 8
        await self.tasks.get(task_id)  # a live task of this organisation, else 404
        comment = await self.comments.add(
            task_id=task_id, author_id=self.tenant.user_id, body=body.body
        )
        mentions = await self.comments.members_by_address(mentioned_addresses(body.body))
        await self.comments.add_mentions(comment, mentions)
        out = comment_out(comment, mentions)
        await self.audit.record(
            "comment.created", "comment", comment.id, None, out.model_dump(mode="json")
        )
        return out
        # END SOLUTION

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[CommentOut]:
        # BEGIN SOLUTION task 8
        await self.tasks.get(task_id)
        rows = await self.comments.page(task_id, limit, after_id)
        mentions = await self.comments.mentions_of([c.id for c in rows])
        return [comment_out(c, mentions[c.id]) for c in rows]
        # END SOLUTION
