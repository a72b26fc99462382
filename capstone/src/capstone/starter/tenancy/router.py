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
    return OrganisationService(session)


async def invitation_service(session: SessionDep) -> InvitationService:
    return InvitationService(session)


OrganisationServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
InvitationServiceDep = Annotated[InvitationService, Depends(invitation_service)]


@router.post(
    "/orgs", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 409, 422)
)
async def create_organisation(
    body: OrganisationIn, user: CurrentUser, service: OrganisationServiceDep
) -> MyOrganisation:
    """Create an organisation; the caller becomes its admin."""
    raise NotImplementedError("TODO: task 3")


@router.get("/orgs", responses=problem_responses(401))
async def list_my_organisations(
    user: CurrentUser, service: OrganisationServiceDep
) -> list[MyOrganisation]:
    """The organisations the caller belongs to, with the caller's role in each."""
    raise NotImplementedError("TODO: task 3")


@router.get("/orgs/{org_id}", responses=TENANT_ERRORS)
async def get_organisation(tenant: ViewerDep, service: OrganisationServiceDep) -> OrganisationOut:
    raise NotImplementedError("TODO: task 3")


@router.get("/orgs/{org_id}/members", responses=TENANT_ERRORS)
async def list_members(tenant: ViewerDep, session: SessionDep) -> list[MemberOut]:
    raise NotImplementedError("TODO: task 3")


@router.patch(
    "/orgs/{org_id}/members/{user_id}", responses=problem_responses(401, 403, 404, 409, 422)
)
async def change_member_role(
    user_id: UserId, body: RoleChange, tenant: AdminDep, session: SessionDep
) -> MemberOut:
    raise NotImplementedError("TODO: task 3")


@router.delete(
    "/orgs/{org_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def remove_member(user_id: UserId, tenant: AdminDep, session: SessionDep) -> None:
    raise NotImplementedError("TODO: task 3")


@router.post(
    "/orgs/{org_id}/invitations", status_code=status.HTTP_201_CREATED, responses=TENANT_ERRORS
)
async def create_invitation(
    body: InvitationIn,
    tenant: AdminDep,
    service: InvitationServiceDep,
    clock: ClockDep,
    request: Request,
) -> NewInvitation:
    """Invite an e-mail address with a role. The response holds the link's token, once."""
    raise NotImplementedError("TODO: task 3")


@router.get("/orgs/{org_id}/invitations", responses=TENANT_ERRORS)
async def list_invitations(tenant: AdminDep, service: InvitationServiceDep) -> list[InvitationOut]:
    """Invitations not accepted yet (expired ones included: an admin may want to resend them)."""
    raise NotImplementedError("TODO: task 3")


@router.post("/invitations/accept", responses=problem_responses(401, 404, 409, 422))
async def accept_invitation(
    body: Acceptance, user: CurrentUser, service: InvitationServiceDep, clock: ClockDep
) -> MyOrganisation:
    """Join the organisation that invited the caller's e-mail address."""
    raise NotImplementedError("TODO: task 3")
