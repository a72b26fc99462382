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
REQUIRED_CLAIMS = ["iss", "aud", "sub", "iat", "nbf", "exp", "jti", "type"]


class InvalidTokenError(AuthenticationError):
    def __init__(self) -> None:
        # One message for every reason: a client learns nothing from a failed attempt.
        super().__init__("The token is invalid or has expired; log in again")


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    scopes: frozenset[str]
    login: uuid.UUID  # the login (refresh-token family) it belongs to: the deny-list's key


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
        key = serialization.load_pem_private_key(settings.signing_key.encode(), password=None)
        if not isinstance(key, RSAPrivateKey):
            raise TypeError("JWT_PRIVATE_KEY must be an RSA private key (PEM) for RS256")
        self.private_key = key
        self.public_key = key.public_key()

    def jwks(self) -> dict[str, Any]:
        """The public key as a JSON Web Key Set: what other services verify our tokens with."""
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {"keys": [jwk | {"kid": self.settings.key_id, "use": "sig", "alg": ALGORITHM}]}

    def _claims(self, user_id: int, kind: str, now: datetime) -> dict[str, Any]:
        lifetime = self.settings.access_ttl if kind == ACCESS else self.settings.refresh_ttl
        return {
            "iss": self.settings.issuer, "aud": self.settings.audience, "sub": str(user_id),
            "iat": now, "nbf": now, "exp": now + lifetime, "jti": str(uuid.uuid4()), "type": kind,
        }  # fmt: skip

    def _encode(self, claims: dict[str, Any]) -> str:
        return jwt.encode(
            claims, self.private_key, algorithm=ALGORITHM, headers={"kid": self.settings.key_id}
        )

    def access_token(
        self, user_id: int, scopes: frozenset[str], now: datetime, login: uuid.UUID
    ) -> str:
        """Week 10: ``sid`` names the login, so revoking the login revokes its access tokens."""
        claims = self._claims(user_id, ACCESS, now)
        claims |= {"scope": " ".join(sorted(scopes)), "sid": str(login)}
        return self._encode(claims)

    def refresh_token(
        self, user_id: int, family_id: uuid.UUID, scopes: frozenset[str], now: datetime
    ) -> tuple[str, RefreshClaims]:
        """A new refresh token of ``family_id``, and its claims (to store its row)."""
        claims = self._claims(user_id, REFRESH, now)
        claims |= {"fam": str(family_id), "scope": " ".join(sorted(scopes))}
        parsed = RefreshClaims(user_id, uuid.UUID(claims["jti"]), family_id, scopes, claims["exp"])
        return self._encode(claims), parsed

    def _decode(self, token: str, kind: str) -> dict[str, Any]:
        """The verified claims of a token of ``kind``; ``InvalidTokenError`` for anything else."""
        try:
            claims = jwt.decode(
                token,
                self.public_key,
                algorithms=[ALGORITHM],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=self.settings.leeway,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.PyJWTError:
            raise InvalidTokenError from None
        # Signed by us, so sub is one of our ids; the type keeps refresh and access apart.
        if claims["type"] != kind or not str(claims["sub"]).isdecimal():
            raise InvalidTokenError
        return claims

    def decode_access(self, token: str) -> AccessClaims:
        claims = self._decode(token, ACCESS)
        try:
            login = uuid.UUID(str(claims["sid"]))
        except (KeyError, ValueError):
            raise InvalidTokenError from None  # issued before week 10, or not by us
        return AccessClaims(int(claims["sub"]), scopes_of(claims), login)

    def decode_refresh(self, token: str) -> RefreshClaims:
        claims = self._decode(token, REFRESH)
        expires_at = datetime.fromtimestamp(claims["exp"], tz=UTC)
        family_id, jti = uuid.UUID(claims["fam"]), uuid.UUID(claims["jti"])
        return RefreshClaims(int(claims["sub"]), jti, family_id, scopes_of(claims), expires_at)


def scopes_of(claims: dict[str, Any]) -> frozenset[str]:
    return frozenset(str(claims.get("scope", "")).split())
