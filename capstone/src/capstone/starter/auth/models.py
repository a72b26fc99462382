"""Accounts and refresh tokens: identity is global, not tenant data (a *shared* resource)."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, created_at_column


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    # TODO (task 1): the rest of User: columns, constraints (docs/er.md, the migration)


class RefreshToken(Base):
    """One issued refresh token. Rotation marks it used; presenting a used one again revokes
    every token of its family ([ADR 0005](../../../../docs/adr/0005-refresh-rotation.md))."""

    __tablename__ = "refresh_tokens"
    jti: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # TODO (task 1): the rest of RefreshToken: columns, constraints (docs/er.md, the migration)
