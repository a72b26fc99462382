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
        raise NotImplementedError("TODO: task 2")


ROLE_CHECK = "role IN ('viewer', 'member', 'admin')"


class Organisation(Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 2): the rest of Organisation: columns, constraints (docs/er.md, the migration)


class TenantMixin:
    """The tenant column of every tenant table ([ADR 0001](../../../../docs/adr/0001-row-level-tenancy.md))."""

    # TODO (task 2): the tenant column: which organisation a row belongs to (the migration)


class Membership(Base):
    __tablename__ = "memberships"
    org_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # TODO (task 2): the rest of Membership: columns, constraints (docs/er.md, the migration)


class Invitation(TenantMixin, Base):
    """An invitation link's row: only the token's SHA-256 is stored, so a database leak does not
    hand out working links."""

    __tablename__ = "invitations"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 3): the rest of Invitation: columns, constraints (docs/er.md, the migration)
