"""Storage of users: the only place that queries the users table."""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from .exceptions import EmailTakenError
from .models import User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, email: str, password_hash: str) -> User:
        """A new user; ``EmailTakenError`` if the address has an account (also under a race)."""
        user = User(email=email, password_hash=password_hash)
        try:
            async with self.session.begin_nested():  # a failed INSERT undoes only itself
                self.session.add(user)
        except IntegrityError as exc:  # uq_users_email_lower: a concurrent registration won
            raise EmailTakenError from exc
        return user

    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        return await self.session.scalar(
            select(User).where(func.lower(User.email) == func.lower(email))
        )

    async def list_page(self, after_id: int, limit: int) -> list[User]:
        query = select(User).where(User.id > after_id).order_by(User.id).limit(limit)
        return list(await self.session.scalars(query))

    async def update(self, user: User, changes: Mapping[str, Any]) -> User:
        for field, value in changes.items():
            setattr(user, field, value)
        await self.session.flush()
        return user
