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
        # BEGIN SOLUTION task 1
        self.users = UserRepository(session)
        self.refresh_tokens = RefreshTokenRepository(session)
        self.passwords = passwords
        self.tokens = tokens
        # END SOLUTION

    async def register(self, body: Credentials) -> User:
        # BEGIN SOLUTION task 1
        if await self.users.by_email(body.email) is not None:
            raise ConflictError(
                "An account with this e-mail address exists already; log in instead"
            )
        return await self.users.add(body.email, self.passwords.hash(body.password))
        # END SOLUTION

    async def login(self, body: Login, now: datetime) -> TokenPair:
        # BEGIN SOLUTION task 1: verify even for an unknown address
        user = await self.users.by_email(body.email)
        # An unknown address costs a verification too: the response time does not tell.
        valid = self.passwords.verify(body.password, user.password_hash if user else None)
        if user is None or not valid:
            raise AuthenticationError("Wrong e-mail address or password")
        return await self._issue(user.id, uuid.uuid4(), now)
        # END SOLUTION

    async def refresh(self, token: str, now: datetime) -> TokenPair:
        # BEGIN SOLUTION task 1: rotate; a used token revokes the family
        claims = self.tokens.decode_refresh(token, now)
        if not await self.refresh_tokens.use(claims.jti, now):
            # Used or revoked already: a copy is in someone else's hands. End the whole family.
            await self.refresh_tokens.revoke_family(claims.family_id, now)
            raise RefreshTokenReusedError
        return await self._issue(claims.user_id, claims.family_id, now)
        # END SOLUTION

    async def logout(self, token: str, now: datetime) -> None:
        # BEGIN SOLUTION task 1
        claims = self.tokens.decode_refresh(token, now)
        await self.refresh_tokens.revoke_family(claims.family_id, now)
        # END SOLUTION

    async def _issue(self, user_id: int, family_id: uuid.UUID, now: datetime) -> TokenPair:
        # BEGIN SOLUTION task 1
        refresh, claims = self.tokens.refresh_token(user_id, family_id, now)
        await self.refresh_tokens.add(claims)
        return TokenPair(access_token=self.tokens.access_token(user_id, now), refresh_token=refresh)
        # END SOLUTION
