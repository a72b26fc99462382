"""Request and response bodies of organisations, members and invitations."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ..auth.schemas import Email
from .models import Role

Name = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]
Slug = Annotated[str, Field(min_length=2, max_length=60, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


class OrganisationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    slug: Slug


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str
    created_at: datetime


class MyOrganisation(OrganisationOut):
    role: Role


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: int
    role: Role
    created_at: datetime


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role


class InvitationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    role: Role = Role.member


class InvitationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    role: Role
    expires_at: datetime
    accepted_at: datetime | None


class NewInvitation(InvitationOut):
    """The invitation as created: the token appears here once (it goes into the e-mailed link)."""

    token: str


class Acceptance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: Annotated[str, Field(min_length=1, max_length=200)]
