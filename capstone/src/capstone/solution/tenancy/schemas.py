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

    # BEGIN SOLUTION
    name: Name
    slug: Slug
    # REPLACE WITH
    # # TODO (task 3): the fields of OrganisationIn in openapi.json (components.schemas)
    # END SOLUTION


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    name: str
    slug: str
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 3): the fields of OrganisationOut in openapi.json (components.schemas)
    # END SOLUTION


class MyOrganisation(OrganisationOut):
    # BEGIN SOLUTION
    role: Role
    # REPLACE WITH
    # # TODO (task 3): the fields of MyOrganisation in openapi.json (components.schemas)
    # ...
    # END SOLUTION


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    user_id: int
    role: Role
    created_at: datetime
    # REPLACE WITH
    # # TODO (task 3): the fields of MemberOut in openapi.json (components.schemas)
    # END SOLUTION


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    role: Role
    # REPLACE WITH
    # # TODO (task 3): the fields of RoleChange in openapi.json (components.schemas)
    # END SOLUTION


class InvitationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    email: Annotated[Email, Field(examples=["ada@example.com"])]
    role: Role = Role.member
    # REPLACE WITH
    # # TODO (task 3): the fields of InvitationIn in openapi.json (components.schemas)
    # END SOLUTION


class InvitationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # BEGIN SOLUTION
    id: int
    email: str
    role: Role
    expires_at: datetime
    accepted_at: datetime | None
    # REPLACE WITH
    # # TODO (task 3): the fields of InvitationOut in openapi.json (components.schemas)
    # END SOLUTION


class NewInvitation(InvitationOut):
    """The invitation as created: the token appears here once (it goes into the e-mailed link)."""

    # BEGIN SOLUTION
    token: str
    # REPLACE WITH
    # # TODO (task 3): the fields of NewInvitation in openapi.json (components.schemas)
    # END SOLUTION


class Acceptance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # BEGIN SOLUTION
    token: Annotated[str, Field(min_length=1, max_length=200)]
    # REPLACE WITH
    # # TODO (task 3): the fields of Acceptance in openapi.json (components.schemas)
    # END SOLUTION
