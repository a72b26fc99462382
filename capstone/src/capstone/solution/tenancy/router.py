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
    # BEGIN SOLUTION task 3
    return await service.create(user, body)
    # END SOLUTION


@router.get("/orgs", responses=problem_responses(401))
async def list_my_organisations(
    user: CurrentUser, service: OrganisationServiceDep
) -> list[MyOrganisation]:
    """The organisations the caller belongs to, with the caller's role in each."""
    # BEGIN SOLUTION task 3
    return await service.mine(user)
    # END SOLUTION


@router.get("/orgs/{org_id}", responses=TENANT_ERRORS)
async def get_organisation(tenant: ViewerDep, service: OrganisationServiceDep) -> OrganisationOut:
    # BEGIN SOLUTION task 3
    return OrganisationOut.model_validate(await service.get(tenant))
    # END SOLUTION


@router.get("/orgs/{org_id}/members", responses=TENANT_ERRORS)
async def list_members(tenant: ViewerDep, session: SessionDep) -> list[MemberOut]:
    # BEGIN SOLUTION task 3
    return [MemberOut.model_validate(m) for m in await MemberService(session, tenant).list()]
    # END SOLUTION


@router.patch(
    "/orgs/{org_id}/members/{user_id}", responses=problem_responses(401, 403, 404, 409, 422)
)
async def change_member_role(
    user_id: UserId, body: RoleChange, tenant: AdminDep, session: SessionDep
) -> MemberOut:
    # BEGIN SOLUTION task 3
    membership = await MemberService(session, tenant).change_role(user_id, body.role)
    return MemberOut.model_validate(membership)
    # END SOLUTION


@router.delete(
    "/orgs/{org_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def remove_member(user_id: UserId, tenant: AdminDep, session: SessionDep) -> None:
    # BEGIN SOLUTION task 3
    await MemberService(session, tenant).remove(user_id)
    # END SOLUTION


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
    # BEGIN SOLUTION task 3
    ttl = request.app.state.settings.invitation_ttl
    return await service.invite(tenant, body, clock(), ttl)
    # END SOLUTION


@router.get("/orgs/{org_id}/invitations", responses=TENANT_ERRORS)
async def list_invitations(tenant: AdminDep, service: InvitationServiceDep) -> list[InvitationOut]:
    """Invitations not accepted yet (expired ones included: an admin may want to resend them)."""
    # BEGIN SOLUTION task 3
    return [InvitationOut.model_validate(i) for i in await service.pending(tenant)]
    # END SOLUTION


@router.post("/invitations/accept", responses=problem_responses(401, 404, 409, 422))
async def accept_invitation(
    body: Acceptance, user: CurrentUser, service: InvitationServiceDep, clock: ClockDep
) -> MyOrganisation:
    """Join the organisation that invited the caller's e-mail address."""
    # BEGIN SOLUTION task 3
    return await service.accept(user, body.token, clock())
    # END SOLUTION
