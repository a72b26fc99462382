"""Access and refresh tokens: JWTs signed with RS256 (PyJWT), and the public key as a JWKS.

Both kinds carry the registered claims (``iss``, ``aud``, ``sub``, ``iat``, ``nbf``, ``exp``,
``jti``) and a ``type`` claim, so neither can stand in for the other. An access token also
carries its ``scope``; a refresh token its family (``fam``, see ``models.py``). Decoding pins the
algorithm, audience and issuer and requires every claim: see lecture 2 (``lectures/l2_jwt.py``).
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from ..errors import AuthenticationError
from ..settings import Settings

ALGORITHM = "RS256"
ACCESS, REFRESH = "access", "refresh"
REQUIRED_CLAIMS: list[str] = []  # TODO (task 2): the claims a token must carry to be accepted


class InvalidTokenError(AuthenticationError):
    def __init__(self) -> None:
        # One message for every reason: a client learns nothing from a failed attempt.
        super().__init__("The token is invalid or has expired; log in again")


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    scopes: frozenset[str]


@dataclass(frozen=True)
class RefreshClaims:
    user_id: int
    jti: uuid.UUID
    family_id: uuid.UUID
    scopes: frozenset[str]  # the login's scopes: each refreshed access token gets them again
    expires_at: datetime


class TokenCodec:
    """Issues and verifies the app's tokens with one RSA key pair."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        pass

    def jwks(self) -> dict[str, Any]:
        """The public key as a JSON Web Key Set: what other services verify our tokens with."""
        raise NotImplementedError("TODO: the public key as a JWKS (kid, use, alg)")

    def _claims(self, user_id: int, kind: str, now: datetime) -> dict[str, Any]:
        raise NotImplementedError("TODO: the registered claims and the type")

    def _encode(self, claims: dict[str, Any]) -> str:
        raise NotImplementedError("TODO: RS256 with the key id in the header")

    def access_token(self, user_id: int, scopes: frozenset[str], now: datetime) -> str:
        raise NotImplementedError("TODO: the claims plus the scope claim; encode")

    def refresh_token(
        self, user_id: int, family_id: uuid.UUID, scopes: frozenset[str], now: datetime
    ) -> tuple[str, RefreshClaims]:
        """A new refresh token of ``family_id``, and its claims (to store its row)."""
        raise NotImplementedError("TODO: claims plus fam and scope; encode")

    def _decode(self, token: str, kind: str) -> dict[str, Any]:
        """The verified claims of a token of ``kind``; ``InvalidTokenError`` for anything else."""
        raise NotImplementedError("TODO: jwt.decode with every check; the type")

    def decode_access(self, token: str) -> AccessClaims:
        raise NotImplementedError("TODO: decode; AccessClaims")

    def decode_refresh(self, token: str) -> RefreshClaims:
        raise NotImplementedError("TODO: decode; RefreshClaims")


def scopes_of(claims: dict[str, Any]) -> frozenset[str]:
    raise NotImplementedError("TODO: the space-separated scope claim as a set")
