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

    # BEGIN SOLUTION task 1
    async def add(self, email: str, password_hash: str) -> User:
        user = User(email=email, password_hash=password_hash)
        self.session.add(user)
        await self.session.flush()
        await self.session.refresh(user)
        return user

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def by_email(self, email: str) -> User | None:
        query = select(User).where(func.lower(User.email) == email.lower())
        return await self.session.scalar(query)

    # REPLACE WITH
    # # TODO (task 1): add a user, get one by id, find one by e-mail address ignoring case
    # END SOLUTION


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # BEGIN SOLUTION task 1
    async def add(self, claims: RefreshClaims) -> None:
        row = RefreshToken(
            jti=claims.jti,
            family_id=claims.family_id,
            user_id=claims.user_id,
            expires_at=claims.expires_at,
        )
        self.session.add(row)
        await self.session.flush()

    async def use(self, jti: uuid.UUID, now: datetime) -> bool:
        """Mark the token used, atomically: True only for the one request that rotates it (a
        concurrent replay finds ``used_at`` set and is treated as reuse)."""
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

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        query = (
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        await self.session.execute(query)

    # REPLACE WITH
    # # TODO (task 1): store a refresh token, use one (ONE conditional UPDATE: True only
    # # for the request that rotates it), revoke a family
    # END SOLUTION
