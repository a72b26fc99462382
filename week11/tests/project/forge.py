"""Tokens as an attacker (or the key holder, to test the checks) would make them."""

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(settings: Any, user_id: int, kind: str = "access", **overrides: Any) -> dict[str, Any]:
    """Every claim the app issues, valid now; ``overrides`` change or (value None) drop one."""
    now = datetime.now(UTC)
    base = {
        "iss": settings.issuer, "aud": settings.audience, "sub": str(user_id),
        "iat": now, "nbf": now, "exp": now + timedelta(minutes=5), "jti": str(uuid.uuid4()),
        "type": kind, "scope": "tasks:read tasks:write",
    }  # fmt: skip
    if kind == "refresh":
        base["fam"] = str(uuid.uuid4())
    else:
        base["sid"] = str(uuid.uuid4())  # week 10: the login an access token belongs to
    merged = base | overrides
    return {name: value for name, value in merged.items() if value is not None}


@cache
def private_key(pem: str) -> Any:
    """The key object of a PEM, loaded once: loading checks the RSA key, which takes a while."""
    return serialization.load_pem_private_key(pem.encode(), password=None)


def sign(payload: dict[str, Any], key: str, algorithm: str = "RS256") -> str:
    """Signed with ``key`` (the app's own private key, as only the app could)."""
    return jwt.encode(
        payload, private_key(key), algorithm=algorithm, headers={"kid": "task-manager-1"}
    )


def by_hand(header: dict[str, Any], payload: dict[str, Any], secret: bytes | None) -> str:
    """A token assembled without PyJWT: HS256 with any bytes as the secret, or ``alg: none``."""
    encoded = json.dumps(payload, default=lambda value: int(value.timestamp())).encode()
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(encoded)}"
    if secret is None:
        return signing_input + "."
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(signature)}"


def public_pem(private_key_pem: str) -> bytes:
    """What the JWKS endpoint gives away to anyone: the public key."""
    public: bytes = (
        private_key(private_key_pem)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return public


def tamper(token: str, **changes: Any) -> str:
    """The same signature over a payload with ``changes``: a forged privilege escalation."""
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return f"{header}.{b64url(json.dumps(data | changes).encode())}.{signature}"
