"""Request and response models of users: what a client may send, and what it may see."""

from datetime import datetime
from typing import Annotated

from pydantic import MISSING, AfterValidator, BaseModel, ConfigDict, Field, StrictBool

from ..auth.passwords import MAX_LENGTH, MIN_LENGTH
from .models import Role

# Deliberately simple: one @, a dot in the domain, no spaces or NULs. The real check is that mail
# arrives (a confirmation link), which this course leaves out.
Email = Annotated[
    str,
    Field(max_length=320, pattern=r"^[^@\s\x00]+@[^@\s\x00]+\.[^@\s\x00]+$",
          examples=["ann@example.com"]),
    AfterValidator(str.lower),  # one account per address, whatever its case
]  # fmt: skip
# The limits live with the password rules (auth/passwords.py); here they are declared for OpenAPI
# and refuse an oversized body before anything hashes it.
Password = Annotated[
    str,
    Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH,
          description=f"{MIN_LENGTH} to {MAX_LENGTH} characters, not a common one",
          examples=["correct horse battery staple"]),
]  # fmt: skip


class UserCreate(BaseModel):
    """Body of POST /auth/register. No ``role``: ``extra="forbid"`` refuses one (422)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    email: Email
    password: Password


class UserRead(BaseModel):
    """A user as the API shows it: never the password hash."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    role: Role
    is_active: bool
    created_at: datetime


class UserUpdate(BaseModel):
    """Body of PATCH /admin/users/{id}: the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    role: Role | MISSING = MISSING
    is_active: StrictBool | MISSING = Field(
        default=MISSING, description="false: the user's tokens stop working at once"
    )
