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
    # BEGIN SOLUTION task 3
    return OrganisationService(session)
    # END SOLUTION


async def invitation_service(session: SessionDep) -> InvitationService:
    # BEGIN SOLUTION task 3
    return InvitationService(session)
    # END SOLUTION


OrganisationServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
InvitationServiceDep = Annotated[InvitationService, Depends(invitation_service)]


# BEGIN SOLUTION
@router.post(
    "/orgs", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 409, 422)
)
async def create_organisation(
    body: OrganisationIn, user: CurrentUser, service: OrganisationServiceDep
) -> MyOrganisation:
    """Create an organisation; the caller becomes its admin."""
    return await service.create(user, body)


# REPLACE WITH
# # TODO (task 3): the route POST /orgs
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs", responses=problem_responses(401))
async def list_my_organisations(
    user: CurrentUser, service: OrganisationServiceDep
) -> list[MyOrganisation]:
    """The organisations the caller belongs to, with the caller's role in each."""
    return await service.mine(user)


# REPLACE WITH
# # TODO (task 3): the route GET /orgs
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}", responses=TENANT_ERRORS)
async def get_organisation(tenant: ViewerDep, service: OrganisationServiceDep) -> OrganisationOut:
    return OrganisationOut.model_validate(await service.get(tenant))


# REPLACE WITH
# # TODO (task 3): the route GET /orgs/{org_id}
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/members", responses=TENANT_ERRORS)
async def list_members(tenant: ViewerDep, session: SessionDep) -> list[MemberOut]:
    return [MemberOut.model_validate(m) for m in await MemberService(session, tenant).list()]


# REPLACE WITH
# # TODO (task 3): the route GET /orgs/{org_id}/members
# END SOLUTION


# BEGIN SOLUTION
@router.patch(
    "/orgs/{org_id}/members/{user_id}", responses=problem_responses(401, 403, 404, 409, 422)
)
async def change_member_role(
    user_id: UserId, body: RoleChange, tenant: AdminDep, session: SessionDep
) -> MemberOut:
    membership = await MemberService(session, tenant).change_role(user_id, body.role)
    return MemberOut.model_validate(membership)


# REPLACE WITH
# # TODO (task 3): the route PATCH /orgs/{org_id}/members/{user_id}
# END SOLUTION


# BEGIN SOLUTION
@router.delete(
    "/orgs/{org_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def remove_member(user_id: UserId, tenant: AdminDep, session: SessionDep) -> None:
    await MemberService(session, tenant).remove(user_id)


# REPLACE WITH
# # TODO (task 3): the route DELETE /orgs/{org_id}/members/{user_id}
# END SOLUTION


# BEGIN SOLUTION
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
    ttl = request.app.state.settings.invitation_ttl
    return await service.invite(tenant, body, clock(), ttl)


# REPLACE WITH
# # TODO (task 3): the route POST /orgs/{org_id}/invitations
# END SOLUTION


# BEGIN SOLUTION
@router.get("/orgs/{org_id}/invitations", responses=TENANT_ERRORS)
async def list_invitations(tenant: AdminDep, service: InvitationServiceDep) -> list[InvitationOut]:
    """Invitations not accepted yet (expired ones included: an admin may want to resend them)."""
    return [InvitationOut.model_validate(i) for i in await service.pending(tenant)]


# REPLACE WITH
# # TODO (task 3): the route GET /orgs/{org_id}/invitations
# END SOLUTION


# BEGIN SOLUTION
@router.post("/invitations/accept", responses=problem_responses(401, 404, 409, 422))
async def accept_invitation(
    body: Acceptance, user: CurrentUser, service: InvitationServiceDep, clock: ClockDep
) -> MyOrganisation:
    """Join the organisation that invited the caller's e-mail address."""
    return await service.accept(user, body.token, clock())


# REPLACE WITH
# # TODO (task 3): the route POST /invitations/accept
# END SOLUTION
