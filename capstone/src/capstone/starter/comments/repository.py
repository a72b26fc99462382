import re
from collections.abc import Sequence

from sqlalchemy import func, select

from ..auth.models import User
from ..tenancy.base import TenantRepository
from ..tenancy.models import Membership
from .models import Comment, Mention

# `@` + an address, not preceded by a character an address could hold: "mail@x.org" is not a
# mention, "(@ann@x.org)" is. The domain ends on a label, so "@ann@x.org." leaves the dot.
MENTION = re.compile(r"(?<![\w.+@-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def mentioned_addresses(body: str) -> set[str]:
    """The addresses ``body`` @mentions, lower-cased (addresses are stored lower-cased)."""
    raise NotImplementedError("TODO: task 8")


class CommentRepository(TenantRepository[Comment]):
    model = Comment

    async def page(self, task_id: int, limit: int, after_id: int | None) -> Sequence[Comment]:
        """A task's comments, oldest first (a conversation), ``limit + 1`` rows."""
        raise NotImplementedError("TODO: task 8")

    async def members_by_address(self, addresses: set[str]) -> list[int]:
        """The ids of this organisation's members with these addresses; anyone else is no one."""
        raise NotImplementedError("TODO: task 8")

    async def add_mentions(self, comment: Comment, user_ids: list[int]) -> None:
        raise NotImplementedError("TODO: task 8")

    async def mentions_of(self, comment_ids: list[int]) -> dict[int, list[int]]:
        """``{comment id: [mentioned user ids]}`` for a page of comments, in one query."""
        raise NotImplementedError("TODO: task 8")
