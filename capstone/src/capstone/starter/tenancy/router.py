"""``/orgs``, ``/orgs/{org_id}/members``, ``/orgs/{org_id}/invitations``, ``/invitations/accept``."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, status

from ..auth.dependencies import CurrentUser
from ..dependencies import ClockDep, SessionDep
from ..problems import problem_responses
from .dependencies import MAX_ID, AdminDep, ViewerDep
from .schemas import (
    Acceptance,
    InvitationIn,
    InvitationOut,
    MemberOut,
    MyOrganisation,
    NewInvitation,
    OrganisationIn,
    OrganisationOut,
    RoleChange,
)
from .service import InvitationService, MemberService, OrganisationService

router = APIRouter(tags=["organisations"])
UserId = Annotated[int, Path(ge=1, le=MAX_ID)]
TENANT_ERRORS = problem_responses(401, 403, 404, 422)


async def organisation_service(session: SessionDep) -> OrganisationService:
    raise NotImplementedError("TODO: task 3")


async def invitation_service(session: SessionDep) -> InvitationService:
    raise NotImplementedError("TODO: task 3")


OrganisationServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
InvitationServiceDep = Annotated[InvitationService, Depends(invitation_service)]


# TODO (task 3): the route POST /orgs


# TODO (task 3): the route GET /orgs


# TODO (task 3): the route GET /orgs/{org_id}


# TODO (task 3): the route GET /orgs/{org_id}/members


# TODO (task 3): the route PATCH /orgs/{org_id}/members/{user_id}


# TODO (task 3): the route DELETE /orgs/{org_id}/members/{user_id}


# TODO (task 3): the route POST /orgs/{org_id}/invitations


# TODO (task 3): the route GET /orgs/{org_id}/invitations


# TODO (task 3): the route POST /invitations/accept
