"""Organisations, members and invitations: the rules (last admin, invitation expiry) and the audit."""

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from ..audit.service import AuditLog
from ..auth.models import User
from ..errors import ConflictError, NotFoundError
from .base import scope_to_organisation
from .dependencies import Tenant
from .models import Invitation, Membership, Organisation, Role
from .repository import (
    InvitationRepository,
    MembershipRepository,
    OrganisationRepository,
    invitation_by_token_hash,
)
from .schemas import InvitationIn, MemberOut, MyOrganisation, NewInvitation, OrganisationIn


def token_hash(token: str) -> str:
    raise NotImplementedError("TODO: task 3: sha256 hex")


def member_snapshot(membership: Membership) -> dict[str, object]:
    raise NotImplementedError("TODO: task 4")


class OrganisationService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        raise NotImplementedError("TODO: task 3")

    async def create(self, user: User, body: OrganisationIn) -> MyOrganisation:
        """A new organisation, its creator its first admin."""
        raise NotImplementedError("TODO: task 3: organisation, admin membership, audit")

    async def mine(self, user: User) -> list[MyOrganisation]:
        raise NotImplementedError("TODO: task 3")

    async def get(self, tenant: Tenant) -> Organisation:
        raise NotImplementedError("TODO: task 3")


class MemberService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        raise NotImplementedError("TODO: task 3")

    async def list(self) -> Sequence[Membership]:
        raise NotImplementedError("TODO: task 3")

    async def _get(self, user_id: int) -> Membership:
        raise NotImplementedError("TODO: task 3")

    async def _keep_an_admin(self, membership: Membership) -> None:
        raise NotImplementedError("TODO: task 3")

    async def change_role(self, user_id: int, role: Role) -> Membership:
        raise NotImplementedError("TODO: task 3")

    async def remove(self, user_id: int) -> None:
        raise NotImplementedError("TODO: task 3")


class InvitationService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def invite(
        self, tenant: Tenant, body: InvitationIn, now: datetime, ttl: timedelta
    ) -> NewInvitation:
        raise NotImplementedError("TODO: task 3: a random token, only its hash stored")

    async def pending(self, tenant: Tenant) -> Sequence[Invitation]:
        raise NotImplementedError("TODO: task 3")

    async def accept(self, user: User, token: str, now: datetime) -> MyOrganisation:
        """Join the organisation of the invitation, if it was sent to this user's e-mail address,
        is not accepted yet and has not expired. A wrong token and someone else's invitation get
        the same 404: the answer tells a guesser nothing."""
        raise NotImplementedError("TODO: task 3: check the invitation, add the membership")


def invitation_fields(invitation: Invitation) -> dict[str, object]:
    raise NotImplementedError("TODO: task 3")
