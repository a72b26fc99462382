"""Accounts and refresh tokens: identity is global, not tenant data (a *shared* resource)."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # BEGIN SOLUTION
    __table_args__ = (Index("uq_users_email_lower", text("lower(email)"), unique=True),)
    email: Mapped[str] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    # REPLACE WITH
    # # TODO (task 1): the rest of User: columns, constraints (docs/er.md, the migration)
    # END SOLUTION


class RefreshToken(Base):
    """One issued refresh token. Rotation marks it used; presenting a used one again revokes
    every token of its family ([ADR 0005](../../../../docs/adr/0005-refresh-rotation.md))."""

    __tablename__ = "refresh_tokens"
    jti: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # BEGIN SOLUTION
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # REPLACE WITH
    # # TODO (task 1): the rest of RefreshToken: columns, constraints (docs/er.md, the migration)
    # END SOLUTION
