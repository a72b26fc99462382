"""Comments on tasks, and the members each one @mentions."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, ForeignKeyConstraint, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column
from ..tenancy.models import TenantMixin


class Comment(TenantMixin, Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 8): the rest of Comment: columns, constraints (docs/er.md, the migration)


class Mention(TenantMixin, Base):
    """A member named in a comment (``@their.address@example.com``), resolved when it is posted."""

    __tablename__ = "mentions"
    comment_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
