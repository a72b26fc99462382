"""The users table: who may log in, with which role, and whether the account is active."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, Identity, Index, String, func, text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from ..tasks.models import text_enum


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    # The whole hash string: algorithm, parameters, salt and hash ("$argon2id$v=19$m=...").
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(text_enum(Role, "role"), server_default=Role.USER.value)
    is_active: Mapped[bool] = mapped_column(server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        # One account per address, ignoring case: the service checks first (a clear 409), and
        # this index makes it true when two registrations race.
        Index("uq_users_email_lower", func.lower(email), unique=True),
    )
