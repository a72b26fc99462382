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

    # TODO (task 3): the fields of OrganisationIn in openapi.json (components.schemas)


class OrganisationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 3): the fields of OrganisationOut in openapi.json (components.schemas)


class MyOrganisation(OrganisationOut):
    # TODO (task 3): the fields of MyOrganisation in openapi.json (components.schemas)
    ...


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 3): the fields of MemberOut in openapi.json (components.schemas)


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 3): the fields of RoleChange in openapi.json (components.schemas)


class InvitationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 3): the fields of InvitationIn in openapi.json (components.schemas)


class InvitationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    # TODO (task 3): the fields of InvitationOut in openapi.json (components.schemas)


class NewInvitation(InvitationOut):
    """The invitation as created: the token appears here once (it goes into the e-mailed link)."""

    # TODO (task 3): the fields of NewInvitation in openapi.json (components.schemas)


class Acceptance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # TODO (task 3): the fields of Acceptance in openapi.json (components.schemas)
