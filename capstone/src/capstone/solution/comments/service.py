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

    async def _get(self, comment_id: int) -> Comment:
        """This organisation's comment, on a live task, else 404."""
        # BEGIN SOLUTION task 8
        comment = await self.comments.get(comment_id)
        if comment is None:
            raise NotFoundError(f"Comment {comment_id} does not exist")
        await self.tasks.get(comment.task_id)  # a deleted task takes its conversation with it
        return comment
        # END SOLUTION

    async def update(self, comment_id: int, body: CommentIn) -> CommentOut:
        """A new body, by the comment's author only (words in someone else's mouth: 403); the
        mentions are those of the new body."""
        # BEGIN SOLUTION task 8
        comment = await self._get(comment_id)
        if comment.author_id != self.tenant.user_id:
            raise PermissionDeniedError("Only its author may edit a comment")
        before = comment_out(comment, (await self.comments.mentions_of([comment.id]))[comment.id])
        comment.body = body.body
        mentions = await self.comments.members_by_address(mentioned_addresses(body.body))
        await self.comments.replace_mentions(comment, mentions)
        out = comment_out(comment, mentions)
        await self.audit.record(
            "comment.updated",
            "comment",
            comment.id,
            before.model_dump(mode="json"),
            out.model_dump(mode="json"),
        )
        return out
        # END SOLUTION

    async def delete(self, comment_id: int) -> None:
        """Gone for good (its mentions with it), by its author or an admin (moderation); the
        audit event keeps what it said."""
        # BEGIN SOLUTION task 8
        comment = await self._get(comment_id)
        if comment.author_id != self.tenant.user_id and not self.tenant.role.allows(Role.admin):
            raise PermissionDeniedError("Only its author or an admin may delete a comment")
        before = comment_out(comment, (await self.comments.mentions_of([comment.id]))[comment.id])
        await self.comments.remove(comment)
        await self.audit.record(
            "comment.deleted", "comment", comment.id, before.model_dump(mode="json"), None
        )
        # END SOLUTION
