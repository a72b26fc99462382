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
        raise NotImplementedError("TODO: add in a savepoint; IntegrityError -> 409")

    async def get(self, user_id: int) -> User | None:
        raise NotImplementedError("TODO: the user by id, or None")

    async def get_by_email(self, email: str) -> User | None:
        raise NotImplementedError("TODO: the user whose e-mail equals email ignoring case")

    async def list_page(self, after_id: int, limit: int) -> list[User]:
        raise NotImplementedError("TODO: users after after_id, in id order")

    async def update(self, user: User, changes: Mapping[str, Any]) -> User:
        raise NotImplementedError("TODO: set the fields; flush")
