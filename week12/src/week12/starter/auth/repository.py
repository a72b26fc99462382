"""Storage of authentication state: refresh token rows and the login failure counters."""

import math
import uuid
from datetime import datetime

from sqlalchemy import and_, case, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from ..settings import LoginLimits
from .models import LoginFailure, RefreshToken
from .tokens import RefreshClaims


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, claims: RefreshClaims, issued_at: datetime) -> None:
        self.session.add(
            RefreshToken(
                jti=claims.jti, family_id=claims.family_id, user_id=claims.user_id,
                issued_at=issued_at, expires_at=claims.expires_at,
            )
        )  # fmt: skip
        await self.session.flush()

    async def spend(self, jti: uuid.UUID, now: datetime) -> bool:
        """Mark the token used if it is live (issued, unused, unrevoked, unexpired); True if so.

        One UPDATE with the conditions in its WHERE: of two requests racing with one token,
        exactly one finds the row still unused (the other waits for its lock, then sees it used).
        """
        spent = await self.session.scalar(
            update(RefreshToken)
            .where(
                RefreshToken.jti == jti,
                RefreshToken.used_at.is_(None),
                RefreshToken.revoked_at.is_(None),
                RefreshToken.expires_at > now,
            )
            .values(used_at=now)
            .returning(RefreshToken.jti)
        )
        return spent is not None

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def is_family_revoked(self, family_id: uuid.UUID) -> bool:
        """Was this login revoked (logout, reuse detected)? The deny-list's record (week 10)."""
        revoked = select(RefreshToken.jti).where(
            RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_not(None)
        )
        return bool(await self.session.scalar(select(revoked.exists())))

    async def families_revoked_since(self, since: datetime) -> list[tuple[uuid.UUID, datetime]]:
        """Each login revoked after ``since``, with when: what the deny-list's copy must hold."""
        rows = await self.session.execute(
            select(RefreshToken.family_id, func.max(RefreshToken.revoked_at))
            .where(RefreshToken.revoked_at > since)
            .group_by(RefreshToken.family_id)
        )
        return [(family_id, revoked_at) for family_id, revoked_at in rows if revoked_at]

    async def revoke_user(self, user_id: int, now: datetime) -> None:
        """Every refresh token of the user (a deactivated account logs out everywhere)."""
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )


class LoginThrottle:
    """Failed logins per key in a window; past a key's limit, a lockout (lecture 4)."""

    def __init__(self, session: AsyncSession, limits: LoginLimits) -> None:
        self.session = session
        self.limits = limits

    async def retry_after(self, keys: list[str], now: datetime) -> int | None:
        """Whole seconds until none of ``keys`` is locked; None if none is locked now."""
        until = await self.session.scalar(
            select(LoginFailure.locked_until)
            .where(LoginFailure.key.in_(keys), LoginFailure.locked_until > now)
            .order_by(LoginFailure.locked_until.desc())
            .limit(1)
        )
        return math.ceil((until - now).total_seconds()) if until is not None else None

    async def record_failure(self, key: str, limit: int, now: datetime) -> None:
        """Count a failure of ``key``: one atomic upsert, so racing attempts all count."""
        window_over = LoginFailure.window_started_at <= now - self.limits.window
        statement = insert(LoginFailure).values(key=key, failures=1, window_started_at=now)
        statement = statement.on_conflict_do_update(
            index_elements=[LoginFailure.key],
            set_={
                "failures": case((window_over, 1), else_=LoginFailure.failures + 1),
                "window_started_at": case((window_over, now), else_=LoginFailure.window_started_at),
                "locked_until": case(
                    (and_(~window_over, LoginFailure.failures + 1 >= limit),
                     now + self.limits.lockout),
                    else_=LoginFailure.locked_until,
                ),
            },
        )  # fmt: skip
        await self.session.execute(statement)

    async def reset(self, key: str) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.key == key))
