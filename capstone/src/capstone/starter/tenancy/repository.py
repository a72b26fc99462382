"""Database access of organisations, memberships and invitations."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from .base import TenantRepository
from .models import Invitation, Membership, Organisation, Role


class OrganisationRepository:
    """Organisations are not tenant data of one organisation: this repository is used only to
    create one and to list the caller's own (through their memberships)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # TODO (task 3): add an organisation, the caller's organisations with their role, get one


class MembershipRepository(TenantRepository[Membership]):
    model = Membership

    # TODO (task 3): the queries of members: one user's membership (RequireRole needs it),
    # all members, how many admins, remove one


class InvitationRepository(TenantRepository[Invitation]):
    model = Invitation

    # TODO (task 3): the pending invitations


async def invitation_by_token_hash(session: AsyncSession, token_hash: str) -> Invitation | None:
    """The one lookup across organisations: the link's token IS the proof of being invited, and
    the invitee is not a member yet, so there is no organisation to scope by."""
    raise NotImplementedError("TODO: task 3")
