import re
from collections.abc import Sequence

from sqlalchemy import delete, func, select

from ..auth.models import User
from ..tenancy.base import TenantRepository
from ..tenancy.models import Membership
from .models import Comment, Mention

# `@` + an address, not preceded by a character an address could hold: "mail@x.org" is not a
# mention, "(@ann@x.org)" is. The domain ends on a label, so "@ann@x.org." leaves the dot.
# BEGIN SOLUTION task 8
MENTION = re.compile(r"(?<![\w.+@-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
# REPLACE WITH
# MENTION: re.Pattern[str]  # TODO (task 8): `@` + an e-mail address, as the comment says
# END SOLUTION


def mentioned_addresses(body: str) -> set[str]:
    """The addresses ``body`` @mentions, lower-cased (addresses are stored lower-cased)."""
    # BEGIN SOLUTION task 8
    return {address.lower() for address in MENTION.findall(body)}
    # END SOLUTION


class CommentRepository(TenantRepository[Comment]):
    model = Comment

    # BEGIN SOLUTION task 8
    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[Comment]:
        """A task's comments, oldest first (a conversation), ``limit + 1`` rows."""
        query = (
            self.scoped().where(Comment.task_id == task_id).order_by(Comment.id).limit(limit + 1)
        )
        if after_id is not None:
            query = query.where(Comment.id > after_id)
        return (await self.session.scalars(query)).all()

    async def members_by_address(self, addresses: set[str]) -> list[int]:
        """The ids of this organisation's members with these addresses; anyone else is no one."""
        if not addresses:
            return []
        query = (
            select(User.id)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.org_id == self.org_id, func.lower(User.email).in_(addresses))
            .order_by(User.id)
        )
        return list(await self.session.scalars(query))

    async def add_mentions(self, comment: Comment, user_ids: list[int]) -> None:
        self.session.add_all(
            Mention(org_id=self.org_id, comment_id=comment.id, user_id=user_id)
            for user_id in user_ids
        )
        await self.session.flush()

    async def mentions_of(self, comment_ids: list[int]) -> dict[int, list[int]]:
        """``{comment id: [mentioned user ids]}`` for a page of comments, in one query."""
        found: dict[int, list[int]] = {comment_id: [] for comment_id in comment_ids}
        query = (
            select(Mention.comment_id, Mention.user_id)
            .where(Mention.org_id == self.org_id, Mention.comment_id.in_(comment_ids))
            .order_by(Mention.comment_id, Mention.user_id)
        )
        for comment_id, user_id in await self.session.execute(query):
            found[comment_id].append(user_id)
        return found

    async def replace_mentions(self, comment: Comment, user_ids: list[int]) -> None:
        await self.session.execute(
            delete(Mention).where(Mention.org_id == self.org_id, Mention.comment_id == comment.id)
        )
        await self.add_mentions(comment, user_ids)

    async def remove(self, comment: Comment) -> None:
        await self.session.delete(comment)  # its mentions go too (ON DELETE CASCADE)
        await self.session.flush()

    # REPLACE WITH
    # # TODO (task 8): the queries CommentService needs: a task's comments page by page
    # # (oldest first), the members behind a set of addresses, storing, reading and replacing
    # # mentions, removing a comment
    # END SOLUTION
