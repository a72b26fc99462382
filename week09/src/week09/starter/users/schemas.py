"""Request and response models of users: what a client may send, and what it may see."""

from datetime import datetime
from typing import Annotated

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field, StrictBool

from ..auth.passwords import MAX_LENGTH, MIN_LENGTH
from .models import Role

# TODO: Email (lowercased) and Password types (Password: the limits of auth/passwords.py)


class UserCreate(BaseModel):
    """Body of POST /auth/register. No ``role``: ``extra="forbid"`` refuses one (422)."""

    # TODO: email and password; no extra fields


class UserRead(BaseModel):
    """A user as the API shows it: never the password hash."""

    # TODO: id, email, role, is_active, created_at


class UserUpdate(BaseModel):
    """Body of PATCH /admin/users/{id}: the fields sent change."""

    # TODO: role and is_active, each optional
