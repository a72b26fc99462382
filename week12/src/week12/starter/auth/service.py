"""Business rules of authentication: register, log in, refresh with rotation, log out."""

import uuid
from collections.abc import Callable
from datetime import datetime

from ..errors import TooManyAttemptsError
from ..settings import Settings
from ..users.exceptions import EmailTakenError
from ..users.models import User
from ..users.repository import UserRepository
from ..users.schemas import UserCreate
from .denylist import DenyList
from .exceptions import InvalidCredentialsError, RefreshTokenReusedError, WeakPasswordError
from .passwords import Passwords, password_problems
from .repository import LoginThrottle, RefreshTokenRepository
from .schemas import ROLE_SCOPES, TokenPair
from .tokens import InvalidTokenError, TokenCodec

Clock = Callable[[], datetime]


def granted_scopes(role: str, requested: list[str]) -> frozenset[str]:
    """What a token may carry: what was asked for and the role allows; nothing asked: all."""
    allowed = ROLE_SCOPES[role]
    return allowed & set(requested) if requested else allowed


class AuthService:
    def __init__(
        self,
        users: UserRepository,
        refresh_tokens: RefreshTokenRepository,
        throttle: LoginThrottle,
        passwords: Passwords,
        codec: TokenCodec,
        settings: Settings,
        clock: Clock,
        denylist: DenyList,
    ) -> None:
        self.users = users
        self.refresh_tokens = refresh_tokens
        self.throttle = throttle
        self.passwords = passwords
        self.codec = codec
        self.settings = settings
        self.clock = clock
        self.denylist = denylist

    async def register(self, data: UserCreate) -> User:
        """A new user with role ``user``: the password checked by the rules, then hashed."""
        if problems := password_problems(data.password, data.email):
            raise WeakPasswordError(problems)
        # Checked first for a clear answer; the unique index decides if two requests race.
        if await self.users.get_by_email(data.email) is not None:
            raise EmailTakenError
        return await self.users.add(data.email, self.passwords.hash(data.password))

    async def login(
        self, email: str, password: str, address: str, requested: list[str]
    ) -> TokenPair:
        """Check the throttle, then the password (always one hash verification), then issue."""
        now = self.clock()
        limits = self.settings.login_limits
        account, client = f"account:{email.strip().lower()}", f"address:{address}"
        if (wait := await self.throttle.retry_after([account, client], now)) is not None:
            raise TooManyAttemptsError(wait)
        user = await self.users.get_by_email(email.strip())
        valid, new_hash = self.passwords.verify(password, user.password_hash if user else None)
        if user is None or not valid or not user.is_active:
            await self.throttle.record_failure(account, limits.per_account, now)
            await self.throttle.record_failure(client, limits.per_address, now)
            raise InvalidCredentialsError
        if new_hash is not None:  # legacy bcrypt or old parameters: upgraded on this login
            await self.users.update(user, {"password_hash": new_hash})
        await self.throttle.reset(account)
        return await self._issue(user, granted_scopes(user.role, requested), uuid.uuid4(), now)

    async def refresh(self, token: str) -> TokenPair:
        """Spend the refresh token and issue its successor; a token seen before revokes its
        whole family (reuse detection)."""
        claims = self.codec.decode_refresh(token)
        now = self.clock()
        if not await self.refresh_tokens.spend(claims.jti, now):
            await self.refresh_tokens.revoke_family(claims.family_id, now)
            await self.denylist.revoked(claims.family_id, now)
            raise RefreshTokenReusedError
        user = await self.users.get(claims.user_id)
        if user is None or not user.is_active:
            raise InvalidTokenError
        return await self._issue(
            user, claims.scopes & ROLE_SCOPES[user.role], claims.family_id, now
        )

    async def logout(self, token: str) -> None:
        """Revoke the refresh token's family: this login's refresh tokens stop working, and
        (week 10) its access tokens too, at once."""
        claims = self.codec.decode_refresh(token)
        now = self.clock()
        await self.refresh_tokens.revoke_family(claims.family_id, now)
        await self.denylist.revoked(claims.family_id, now)

    async def _issue(
        self, user: User, scopes: frozenset[str], family_id: uuid.UUID, now: datetime
    ) -> TokenPair:
        """A new access token and a new refresh token of ``family_id`` (its row stored)."""
        refresh, claims = self.codec.refresh_token(user.id, family_id, scopes, now)
        await self.refresh_tokens.add(claims, issued_at=now)
        return TokenPair(
            access_token=self.codec.access_token(user.id, scopes, now, family_id),
            expires_in=int(self.settings.access_ttl.total_seconds()),
            refresh_token=refresh,
            scope=" ".join(sorted(scopes)),
        )
