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
    # BEGIN SOLUTION task 3: sha256 hex
    return hashlib.sha256(token.encode()).hexdigest()
    # END SOLUTION


def member_snapshot(membership: Membership) -> dict[str, object]:
    # BEGIN SOLUTION task 4
    return MemberOut.model_validate(membership).model_dump(mode="json")
    # END SOLUTION


class OrganisationService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        # BEGIN SOLUTION task 3
        self.organisations = OrganisationRepository(session)
        # END SOLUTION

    async def create(self, user: User, body: OrganisationIn) -> MyOrganisation:
        """A new organisation, its creator its first admin."""
        # BEGIN SOLUTION task 3: organisation, admin membership, audit
        organisation = await self.organisations.add(body.name, body.slug)
        tenant = Tenant(organisation.id, user.id, Role.admin)
        await scope_to_organisation(self.session, tenant.org_id)  # its audit events are its rows
        membership = await MembershipRepository(self.session, tenant.org_id).add(
            user_id=user.id, role=Role.admin
        )
        after = {"name": organisation.name, "slug": organisation.slug}
        audit = AuditLog(self.session, tenant)
        await audit.record("organisation.created", "organisation", organisation.id, None, after)
        await audit.record("member.added", "member", user.id, None, member_snapshot(membership))
        return MyOrganisation(
            **after, id=organisation.id, created_at=organisation.created_at, role=Role.admin
        )
        # END SOLUTION

    async def mine(self, user: User) -> list[MyOrganisation]:
        # BEGIN SOLUTION task 3
        return [
            MyOrganisation(
                id=org.id, name=org.name, slug=org.slug, created_at=org.created_at, role=Role(role)
            )
            for org, role in await self.organisations.of_user(user.id)
        ]
        # END SOLUTION

    async def get(self, tenant: Tenant) -> Organisation:
        # BEGIN SOLUTION task 3
        organisation = await self.organisations.get(tenant.org_id)
        if organisation is None:  # deleted since the tenancy dependency found the membership
            raise NotFoundError(f"Organisation {tenant.org_id} does not exist")
        return organisation
        # END SOLUTION


class MemberService:
    def __init__(self, session: AsyncSession, tenant: Tenant) -> None:
        # BEGIN SOLUTION task 3
        self.members = MembershipRepository(session, tenant.org_id)
        self.audit = AuditLog(session, tenant)
        # END SOLUTION

    async def list(self) -> Sequence[Membership]:
        # BEGIN SOLUTION task 3
        return await self.members.all()
        # END SOLUTION

    async def _get(self, user_id: int) -> Membership:
        # BEGIN SOLUTION task 3
        membership = await self.members.get_for(user_id)
        if membership is None:
            raise NotFoundError(f"User {user_id} is not a member of this organisation")
        return membership
        # END SOLUTION

    async def _keep_an_admin(self, membership: Membership) -> None:
        # BEGIN SOLUTION task 3
        if membership.role == Role.admin and await self.members.admins() == 1:
            raise ConflictError("An organisation needs an admin; make someone else admin first")
        # END SOLUTION

    async def change_role(self, user_id: int, role: Role) -> Membership:
        # BEGIN SOLUTION task 3
        membership = await self._get(user_id)
        before = member_snapshot(membership)
        if role != Role.admin:
            await self._keep_an_admin(membership)
        membership.role = role
        await self.members.session.flush()
        await self.audit.record(
            "member.role_changed", "member", user_id, before, member_snapshot(membership)
        )
        return membership
        # END SOLUTION

    async def remove(self, user_id: int) -> None:
        # BEGIN SOLUTION task 3
        membership = await self._get(user_id)
        await self._keep_an_admin(membership)
        before = member_snapshot(membership)
        await self.members.remove(membership)
        await self.audit.record("member.removed", "member", user_id, before, None)
        # END SOLUTION


class InvitationService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def invite(
        self, tenant: Tenant, body: InvitationIn, now: datetime, ttl: timedelta
    ) -> NewInvitation:
        # BEGIN SOLUTION task 3: a random token, only its hash stored
        token = secrets.token_urlsafe(32)
        invitation = await InvitationRepository(self.session, tenant.org_id).add(
            email=body.email,
            role=body.role,
            token_hash=token_hash(token),
            invited_by=tenant.user_id,
            expires_at=now + ttl,
        )
        new = NewInvitation.model_validate({**invitation_fields(invitation), "token": token})
        after = new.model_dump(mode="json", exclude={"token"})
        await AuditLog(self.session, tenant).record(
            "invitation.created", "invitation", invitation.id, None, after
        )
        return new
        # END SOLUTION

    async def pending(self, tenant: Tenant) -> Sequence[Invitation]:
        # BEGIN SOLUTION task 3
        return await InvitationRepository(self.session, tenant.org_id).pending()
        # END SOLUTION

    async def accept(self, user: User, token: str, now: datetime) -> MyOrganisation:
        """Join the organisation of the invitation, if it was sent to this user's e-mail address,
        is not accepted yet and has not expired. A wrong token and someone else's invitation get
        the same 404: the answer tells a guesser nothing."""
        # BEGIN SOLUTION task 3: check the invitation, add the membership
        invitation = await invitation_by_token_hash(self.session, token_hash(token))
        if invitation is None or invitation.email.lower() != user.email.lower():
            raise NotFoundError("No invitation for your e-mail address has this token")
        if invitation.accepted_at is not None:
            raise ConflictError("This invitation has been accepted already")
        if invitation.expires_at <= now:
            raise ConflictError("This invitation has expired; ask an admin for a new one")
        tenant = Tenant(invitation.org_id, user.id, Role(invitation.role))
        await scope_to_organisation(self.session, tenant.org_id)
        members = MembershipRepository(self.session, tenant.org_id)
        if await members.get_for(user.id) is not None:
            raise ConflictError("You are a member of this organisation already")
        invitation.accepted_at = now
        membership = await members.add(user_id=user.id, role=invitation.role)
        await AuditLog(self.session, tenant).record(
            "member.added", "member", user.id, None, member_snapshot(membership)
        )
        organisation = await OrganisationService(self.session).get(tenant)
        return MyOrganisation(
            id=organisation.id,
            name=organisation.name,
            slug=organisation.slug,
            created_at=organisation.created_at,
            role=tenant.role,
        )
        # END SOLUTION


def invitation_fields(invitation: Invitation) -> dict[str, object]:
    # BEGIN SOLUTION task 3
    return {
        name: getattr(invitation, name)
        for name in ("id", "email", "role", "expires_at", "accepted_at")
    }
    # END SOLUTION
