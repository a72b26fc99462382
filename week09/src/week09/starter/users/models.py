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
    # TODO: email, password_hash, role, is_active, created_at; uq_users_email_lower
