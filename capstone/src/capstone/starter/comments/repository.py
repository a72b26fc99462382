import re
from collections.abc import Sequence

from sqlalchemy import delete, func, select

from ..auth.models import User
from ..tenancy.base import TenantRepository
from ..tenancy.models import Membership
from .models import Comment, Mention

# `@` + an address, not preceded by a character an address could hold: "mail@x.org" is not a
# mention, "(@ann@x.org)" is. The domain ends on a label, so "@ann@x.org." leaves the dot.
MENTION: re.Pattern[str]  # TODO (task 8): `@` + an e-mail address, as the comment says


def mentioned_addresses(body: str) -> set[str]:
    """The addresses ``body`` @mentions, lower-cased (addresses are stored lower-cased)."""
    raise NotImplementedError("TODO: task 8")


class CommentRepository(TenantRepository[Comment]):
    model = Comment

    # TODO (task 8): the queries CommentService needs: a task's comments page by page
    # (oldest first), the members behind a set of addresses, storing, reading and replacing
    # mentions, removing a comment
