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

    # BEGIN SOLUTION task 3
    async def add(self, name: str, slug: str) -> Organisation:
        organisation = Organisation(name=name, slug=slug)
        self.session.add(organisation)
        await self.session.flush()
        await self.session.refresh(organisation)
        return organisation

    async def of_user(self, user_id: int) -> Sequence[tuple[Organisation, str]]:
        query = (
            select(Organisation, Membership.role)
            .join(Membership, Membership.org_id == Organisation.id)
            .where(Membership.user_id == user_id)
            .order_by(Organisation.id)
        )
        return [(org, role) for org, role in (await self.session.execute(query)).all()]

    async def get(self, org_id: int) -> Organisation | None:
        return await self.session.get(Organisation, org_id)

    # REPLACE WITH
    # # TODO (task 3): add an organisation, the caller's organisations with their role, get one
    # END SOLUTION


class MembershipRepository(TenantRepository[Membership]):
    model = Membership

    # BEGIN SOLUTION task 3
    async def get_for(self, user_id: int) -> Membership | None:
        membership: Membership | None = await self.session.scalar(
            self.scoped().where(Membership.user_id == user_id)
        )
        return membership

    async def all(self) -> Sequence[Membership]:
        return (await self.session.scalars(self.scoped().order_by(Membership.user_id))).all()

    async def admins(self) -> int:
        query = self.scoped().where(Membership.role == Role.admin).with_only_columns(func.count())
        return int(await self.session.scalar(query) or 0)

    async def remove(self, membership: Membership) -> None:
        await self.session.delete(membership)
        await self.session.flush()

    # REPLACE WITH
    # # TODO (task 3): the queries of members: one user's membership (RequireRole needs it),
    # # all members, how many admins, remove one
    # END SOLUTION


class InvitationRepository(TenantRepository[Invitation]):
    model = Invitation

    # BEGIN SOLUTION task 3
    async def pending(self) -> Sequence[Invitation]:
        query = self.scoped().where(Invitation.accepted_at.is_(None)).order_by(Invitation.id)
        return (await self.session.scalars(query)).all()

    # REPLACE WITH
    # # TODO (task 3): the pending invitations
    # END SOLUTION


async def invitation_by_token_hash(session: AsyncSession, token_hash: str) -> Invitation | None:
    """The one lookup across organisations: the link's token IS the proof of being invited, and
    the invitee is not a member yet, so there is no organisation to scope by."""
    # BEGIN SOLUTION task 3
    return await session.scalar(select(Invitation).where(Invitation.token_hash == token_hash))
    # END SOLUTION
