"""Registration, log-in, refresh rotation with reuse detection, log-out."""

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from ..errors import AuthenticationError, ConflictError
from .models import User
from .passwords import Passwords
from .repository import RefreshTokenRepository, UserRepository
from .schemas import Credentials, Login, TokenPair
from .tokens import InvalidTokenError, TokenCodec


class RefreshTokenReusedError(InvalidTokenError):
    """A rotated refresh token presented again: its family is revoked, and that must stick."""

    keeps_changes = True


class AuthService:
    def __init__(self, session: AsyncSession, passwords: Passwords, tokens: TokenCodec) -> None:
        raise NotImplementedError("TODO: task 1")

    async def register(self, body: Credentials) -> User:
        raise NotImplementedError("TODO: task 1")

    async def login(self, body: Login, now: datetime) -> TokenPair:
        raise NotImplementedError("TODO: task 1: verify even for an unknown address")

    async def refresh(self, token: str, now: datetime) -> TokenPair:
        raise NotImplementedError("TODO: task 1: rotate; a used token revokes the family")

    async def logout(self, token: str, now: datetime) -> None:
        raise NotImplementedError("TODO: task 1")

    async def _issue(self, user_id: int, family_id: uuid.UUID, now: datetime) -> TokenPair:
        raise NotImplementedError("TODO: task 1")
