"""Access and refresh tokens: JWTs (HS256, PyJWT) with every registered claim required.

A ``type`` claim keeps the two kinds apart; a refresh token also carries its family (``fam``).
Access tokens say only who the caller is: the role comes from the membership on each request, so
a role change applies at once ([ADR 0005](../../../../docs/adr/0005-refresh-rotation.md)).
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt

from ..errors import AuthenticationError
from ..settings import Settings

ALGORITHM = "HS256"
ACCESS, REFRESH = "access", "refresh"
REQUIRED_CLAIMS = ["iss", "aud", "sub", "iat", "exp", "jti", "type"]


class InvalidTokenError(AuthenticationError):
    def __init__(self) -> None:
        super().__init__("The token is invalid or has expired; log in again")


@dataclass(frozen=True)
class RefreshClaims:
    user_id: int
    jti: uuid.UUID
    family_id: uuid.UUID
    expires_at: datetime


class TokenCodec:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = settings.jwt_secret.get_secret_value()  # the HMAC key, out of its SecretStr

    def _encode(self, user_id: int, kind: str, now: datetime, **extra: str) -> dict[str, Any]:
        # BEGIN SOLUTION the registered claims, the type, encoded with HS256
        ttl = self.settings.access_ttl if kind == ACCESS else self.settings.refresh_ttl
        claims = {
            "iss": self.settings.issuer,
            "aud": self.settings.audience,
            "sub": str(user_id),
            "iat": now,
            "exp": now + ttl,
            "jti": str(uuid.uuid4()),
            "type": kind,
            **extra,
        }
        claims["token"] = jwt.encode(claims, self.key, algorithm=ALGORITHM)
        return claims
        # END SOLUTION

    def access_token(self, user_id: int, now: datetime) -> str:
        # BEGIN SOLUTION task 1
        return str(self._encode(user_id, ACCESS, now)["token"])
        # END SOLUTION

    def refresh_token(
        self, user_id: int, family_id: uuid.UUID, now: datetime
    ) -> tuple[str, RefreshClaims]:
        # BEGIN SOLUTION task 1: claims with fam
        claims = self._encode(user_id, REFRESH, now, fam=str(family_id))
        parsed = RefreshClaims(user_id, uuid.UUID(claims["jti"]), family_id, claims["exp"])
        return str(claims["token"]), parsed
        # END SOLUTION

    def _decode(self, token: str, kind: str, now: datetime) -> dict[str, Any]:
        # BEGIN SOLUTION task 1: decode with every check pinned
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.key,
                algorithms=[ALGORITHM],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            raise InvalidTokenError from None
        # Times against the app's clock (tests move it), not the machine's.
        expired = datetime.fromtimestamp(claims["exp"], tz=UTC) <= now
        if expired or claims["type"] != kind or not str(claims["sub"]).isdecimal():
            raise InvalidTokenError
        return claims
        # END SOLUTION

    def decode_access(self, token: str, now: datetime) -> int:
        """The user id of a valid access token."""
        # BEGIN SOLUTION task 1
        return int(self._decode(token, ACCESS, now)["sub"])
        # END SOLUTION

    def decode_refresh(self, token: str, now: datetime) -> RefreshClaims:
        # BEGIN SOLUTION task 1
        claims = self._decode(token, REFRESH, now)
        try:
            family_id, jti = uuid.UUID(claims["fam"]), uuid.UUID(claims["jti"])
        except (KeyError, ValueError):
            raise InvalidTokenError from None
        expires_at = datetime.fromtimestamp(claims["exp"], tz=UTC)
        return RefreshClaims(int(claims["sub"]), jti, family_id, expires_at)
        # END SOLUTION
