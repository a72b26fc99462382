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
        raise NotImplementedError("TODO: task 1")

    async def get(self, user_id: int) -> User | None:
        raise NotImplementedError("TODO: task 1")

    async def by_email(self, email: str) -> User | None:
        raise NotImplementedError("TODO: task 1: ignoring case")


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, claims: RefreshClaims) -> None:
        raise NotImplementedError("TODO: task 1")

    async def use(self, jti: uuid.UUID, now: datetime) -> bool:
        """Mark the token used, atomically: True only for the one request that rotates it (a
        concurrent replay finds ``used_at`` set and is treated as reuse)."""
        raise NotImplementedError("TODO: task 1: compare-and-set on used_at")

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        raise NotImplementedError("TODO: task 1")
