"""Organisations (the tenants), memberships with a role, and invitations."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column


class Role(StrEnum):
    """Roles of a member, weakest first: each role can do everything the ones before it can."""

    viewer = "viewer"
    member = "member"
    admin = "admin"

    def allows(self, required: "Role") -> bool:
        # BEGIN SOLUTION task 2
        order = list(Role)
        return order.index(self) >= order.index(required)
        # END SOLUTION


ROLE_CHECK = "role IN ('viewer', 'member', 'admin')"


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    name: Mapped[str] = mapped_column(String(100))
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 2): the rest of Organisation: columns, constraints (docs/er.md, the migration)
    # END SOLUTION


class TenantMixin:
    """The tenant column of every tenant table ([ADR 0001](../../../../docs/adr/0001-row-level-tenancy.md))."""

    # BEGIN SOLUTION task 2
    org_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    # REPLACE WITH
    # # TODO (task 2): the tenant column: which organisation a row belongs to (the migration)
    # END SOLUTION


class Membership(Base):
    __tablename__ = "memberships"
    org_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # BEGIN SOLUTION
    __table_args__ = (CheckConstraint(ROLE_CHECK, name="role"),)
    role: Mapped[Role] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 2): the rest of Membership: columns, constraints (docs/er.md, the migration)
    # END SOLUTION


class Invitation(TenantMixin, Base):
    """An invitation link's row: only the token's SHA-256 is stored, so a database leak does not
    hand out working links."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (CheckConstraint(ROLE_CHECK, name="role"),)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[Role] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL")
    )
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 3): the rest of Invitation: columns, constraints (docs/er.md, the migration)
    # END SOLUTION
