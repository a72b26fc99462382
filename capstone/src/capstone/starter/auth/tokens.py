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
        raise NotImplementedError("TODO: the registered claims, the type, encoded with HS256")

    def access_token(self, user_id: int, now: datetime) -> str:
        raise NotImplementedError("TODO: task 1")

    def refresh_token(
        self, user_id: int, family_id: uuid.UUID, now: datetime
    ) -> tuple[str, RefreshClaims]:
        raise NotImplementedError("TODO: task 1: claims with fam")

    def _decode(self, token: str, kind: str, now: datetime) -> dict[str, Any]:
        raise NotImplementedError("TODO: task 1: decode with every check pinned")

    def decode_access(self, token: str, now: datetime) -> int:
        """The user id of a valid access token."""
        raise NotImplementedError("TODO: task 1")

    def decode_refresh(self, token: str, now: datetime) -> RefreshClaims:
        raise NotImplementedError("TODO: task 1")
