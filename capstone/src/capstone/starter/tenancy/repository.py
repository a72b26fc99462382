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

    async def add(self, name: str, slug: str) -> Organisation:
        raise NotImplementedError("TODO: task 3")

    async def of_user(self, user_id: int) -> Sequence[tuple[Organisation, str]]:
        raise NotImplementedError("TODO: task 3")

    async def get(self, org_id: int) -> Organisation | None:
        raise NotImplementedError("TODO: task 3")


class MembershipRepository(TenantRepository[Membership]):
    model = Membership

    async def get_for(self, user_id: int) -> Membership | None:
        raise NotImplementedError("TODO: task 3")

    async def all(self) -> Sequence[Membership]:
        raise NotImplementedError("TODO: task 3")

    async def admins(self) -> int:
        raise NotImplementedError("TODO: task 3")

    async def remove(self, membership: Membership) -> None:
        raise NotImplementedError("TODO: task 3")


class InvitationRepository(TenantRepository[Invitation]):
    model = Invitation

    async def pending(self) -> Sequence[Invitation]:
        raise NotImplementedError("TODO: task 3")


async def invitation_by_token_hash(session: AsyncSession, token_hash: str) -> Invitation | None:
    """The one lookup across organisations: the link's token IS the proof of being invited, and
    the invitee is not a member yet, so there is no organisation to scope by."""
    raise NotImplementedError("TODO: task 3")
