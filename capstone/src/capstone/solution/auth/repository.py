"""Database access of users and refresh tokens."""

import uuid
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from .models import RefreshToken, User
from .tokens import RefreshClaims


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, email: str, password_hash: str) -> User:
        # BEGIN SOLUTION task 1
        user = User(email=email, password_hash=password_hash)
        self.session.add(user)
        await self.session.flush()
        await self.session.refresh(user)
        return user
        # END SOLUTION

    async def get(self, user_id: int) -> User | None:
        # BEGIN SOLUTION task 1
        return await self.session.get(User, user_id)
        # END SOLUTION

    async def by_email(self, email: str) -> User | None:
        # BEGIN SOLUTION task 1: ignoring case
        query = select(User).where(func.lower(User.email) == email.lower())
        return await self.session.scalar(query)
        # END SOLUTION


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, claims: RefreshClaims) -> None:
        # BEGIN SOLUTION task 1
        row = RefreshToken(
            jti=claims.jti,
            family_id=claims.family_id,
            user_id=claims.user_id,
            expires_at=claims.expires_at,
        )
        self.session.add(row)
        await self.session.flush()
        # END SOLUTION

    async def use(self, jti: uuid.UUID, now: datetime) -> bool:
        """Mark the token used, atomically: True only for the one request that rotates it (a
        concurrent replay finds ``used_at`` set and is treated as reuse)."""
        # BEGIN SOLUTION task 1: compare-and-set on used_at
        query = (
            update(RefreshToken)
            .where(
                RefreshToken.jti == jti,
                RefreshToken.used_at.is_(None),
                RefreshToken.revoked_at.is_(None),
            )
            .values(used_at=now)
            .returning(RefreshToken.jti)
        )
        return (await self.session.scalar(query)) is not None
        # END SOLUTION

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        # BEGIN SOLUTION task 1
        query = (
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        await self.session.execute(query)
        # END SOLUTION
