"""The ONE tenancy dependency: which organisation, and may the caller act there with this role?

Every route under ``/orgs/{org_id}`` declares ``Depends(RequireRole(Role.x))`` (through the
``ViewerDep``/``MemberDep``/``AdminDep`` aliases). It reads ``org_id`` from the path and the
caller's membership from the database, scopes the transaction to that organisation for
PostgreSQL's row-level security (the second line of defence), and returns the ``Tenant`` that
the route hands to its service (whose repositories then cannot leave that organisation). Not a
member: 404, as if the organisation did not exist
([ADR 0002](../../../../docs/adr/0002-tenant-from-the-path.md)); a role too low: 403.
``main.py`` publishes each route's role in the contract (``x-required-role``).
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path

from ..auth.dependencies import CurrentUser
from ..dependencies import SessionDep
from ..errors import NotFoundError, PermissionDeniedError
from .base import scope_to_organisation
from .models import Role
from .repository import MembershipRepository

MAX_ID = 2**63 - 1  # BIGINT: a larger id would be a database error, not a 404

OrgId = Annotated[int, Path(ge=1, le=MAX_ID, description="The organisation's id")]


@dataclass(frozen=True)
class Tenant:
    org_id: int
    user_id: int
    role: Role


class RequireRole:
    """``Depends(RequireRole(Role.member))``: the caller must be a member with at least ``role``."""

    def __init__(self, role: Role) -> None:
        self.role = role

    async def __call__(self, org_id: OrgId, user: CurrentUser, session: SessionDep) -> Tenant:
        # BEGIN SOLUTION task 2: membership or 404; role too low: 403; the Tenant
        membership = await MembershipRepository(session, org_id).get_for(user.id)
        if membership is None:
            raise NotFoundError(f"Organisation {org_id} does not exist")
        role = Role(membership.role)
        if not role.allows(self.role):
            raise PermissionDeniedError(f"This needs the {self.role} role; you are a {role}")
        await scope_to_organisation(session, org_id)  # the database's policies: this org only
        return Tenant(org_id, user.id, role)
        # END SOLUTION


ViewerDep = Annotated[Tenant, Depends(RequireRole(Role.viewer))]
MemberDep = Annotated[Tenant, Depends(RequireRole(Role.member))]
AdminDep = Annotated[Tenant, Depends(RequireRole(Role.admin))]
