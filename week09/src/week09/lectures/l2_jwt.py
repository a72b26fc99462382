"""L2: JSON Web Tokens: what is inside one, and how a server decides to trust it.

A JWT (RFC 7519) is three base64url parts joined by dots: a **header** (``{"alg": "HS256",
"typ": "JWT"}``), a **payload** of claims (``sub``, ``exp``...) and a **signature** over the first
two. Anyone can read header and payload: they are encoded, not encrypted. Only the signature
makes them trustworthy, so never put a secret in a payload.

- **HS256** signs with HMAC-SHA256 and ONE shared secret: whoever can verify can also sign. Fine
  when the issuing service is the only one verifying.
- **RS256** signs with an RSA private key; anyone verifies with the public key, which may be
  published (a JWKS document, ``/.well-known/jwks.json``). Other services can check tokens but
  never mint them. ES256/EdDSA do the same with smaller keys.

``jwt.decode`` checks the signature and ``exp``/``nbf``/``iat``; it checks ``aud`` and ``iss``
only when you pass them, and it requires a claim only when ``options={"require": [...]}`` says so.
Always pass ``algorithms=[...]``: the token's own header must never choose how it is verified
(``alg: none``, or an RS256 public key used as an HS256 secret: "algorithm confusion").

python-jose was the library FastAPI's tutorial used until 2024; it is barely maintained (its
last release fixed CVEs of that year), and the docs moved to PyJWT. Use PyJWT (or joserfc).

Run: ``uv run python -m week09.lectures.l2_jwt``
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SECRET = "lecture-secret-of-at-least-32-bytes!"  # noqa: S105 - a demo value
ISSUER, AUDIENCE = "https://auth.task-manager.example", "task-manager-api"
REQUIRED = ["exp", "iat", "nbf", "sub", "aud", "iss", "jti"]
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def decode_by_hand(token: str, secret: str) -> tuple[dict[str, Any], dict[str, Any], bool]:
    """Header, payload and whether the HS256 signature is right: what a library does for you."""
    header_part, payload_part, signature_part = token.split(".")
    signing_input = f"{header_part}.{payload_part}".encode()
    expected = hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()
    valid = hmac.compare_digest(expected, b64url_decode(signature_part))
    return json.loads(b64url_decode(header_part)), json.loads(b64url_decode(payload_part)), valid


def claims(subject: str, now: datetime = NOW, lifetime: timedelta = timedelta(minutes=15),
           **extra: Any) -> dict[str, Any]:  # fmt: skip
    """The registered claims of an access token (PyJWT turns datetimes into NumericDates)."""
    return {
        "iss": ISSUER, "aud": AUDIENCE, "sub": subject, "jti": str(uuid.uuid4()),
        "iat": now, "nbf": now, "exp": now + lifetime, **extra,
    }  # fmt: skip


def verify(token: str, key: Any, algorithm: str = "HS256", leeway: float = 0) -> dict[str, Any]:
    """Every check a resource server needs: one algorithm, audience, issuer, required claims."""
    return jwt.decode(
        token,
        key,
        algorithms=[algorithm],  # the server decides, never the token's header
        audience=AUDIENCE,
        issuer=ISSUER,
        leeway=leeway,  # seconds of clock skew between machines to tolerate
        options={"require": REQUIRED},
    )


def rsa_keypair() -> rsa.RSAPrivateKey:
    """A fresh 2048-bit key; a real service loads its key from a secret store instead."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def jwks(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    """The JSON Web Key Set a service publishes so that others can verify its tokens."""
    jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return {"keys": [jwk | {"kid": kid, "use": "sig", "alg": "RS256"}]}


def key_from_jwks(document: dict[str, Any], token: str) -> Any:
    """The public key the token's ``kid`` names (how a resource server picks among rotated keys)."""
    kid = jwt.get_unverified_header(token)["kid"]
    return jwt.PyJWKSet.from_dict(document)[kid].key


def forge(header: dict[str, Any], payload: dict[str, Any], secret: bytes = b"") -> str:
    """A token built by hand the way an attacker would (``alg: none`` has an empty signature)."""
    signing_input = f"{b64url_encode(json.dumps(header).encode())}." + b64url_encode(
        json.dumps(payload, default=lambda d: int(d.timestamp())).encode()
    )
    if header["alg"] == "none":
        return signing_input + "."
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(signature)}"


def naive_verify(token: str, public_key_pem: bytes) -> bool:
    """A broken verifier that trusts the header's ``alg``: HS256 with the PUBLIC key as secret."""
    header, _, _ = decode_by_hand(token, "")
    if header["alg"] == "HS256":
        return decode_by_hand(token, public_key_pem.decode())[2]
    jwt.decode(token, public_key_pem, algorithms=["RS256"], options={"verify_aud": False})
    return True


def outcome(token: str, key: Any, algorithm: str = "HS256", leeway: float = 0) -> str:
    """``accepted`` or the name of the exception PyJWT raised."""
    try:
        verify(token, key, algorithm, leeway)
    except jwt.PyJWTError as exc:
        return type(exc).__name__
    return "accepted"


def attacks(now: datetime) -> dict[str, str]:
    """Tokens an attacker (or a slow clock) presents, and what ``verify`` says to each."""
    good = claims("42", now)
    key = rsa_keypair()
    header, payload, signature = jwt.encode(good, SECRET, algorithm="HS256").split(".")
    tampered = json.loads(b64url_decode(payload)) | {"sub": "1"}
    tokens = {
        "valid": jwt.encode(good, SECRET),
        "tampered payload": f"{header}.{b64url_encode(json.dumps(tampered).encode())}.{signature}",
        "alg none": forge({"alg": "none", "typ": "JWT"}, good),
        "expired": jwt.encode(claims("42", now - timedelta(hours=1)), SECRET),
        "not yet valid": jwt.encode(good | {"nbf": now + timedelta(minutes=5)}, SECRET),
        "wrong audience": jwt.encode(good | {"aud": "billing-api"}, SECRET),
        "wrong issuer": jwt.encode(good | {"iss": "https://evil.example"}, SECRET),
        "no jti": jwt.encode({k: v for k, v in good.items() if k != "jti"}, SECRET),
        "wrong secret": jwt.encode(good, "a-guessed-secret-of-32-bytes-long"),
        "RS256 signed, HS256 expected": jwt.encode(good, key, algorithm="RS256"),
    }
    return {name: outcome(token, SECRET) for name, token in tokens.items()}


def main() -> None:
    token = jwt.encode(claims("42", scope="tasks:read"), SECRET, algorithm="HS256")
    print(f"token: {token[:40]}...({len(token)} characters)")
    header, payload, valid = decode_by_hand(token, SECRET)
    print(f"by hand: header={header}, signature valid={valid}")
    print(f"         payload sub={payload['sub']!r} exp-iat={payload['exp'] - payload['iat']} s")
    for name, result in attacks(datetime.now(UTC)).items():
        print(f"  {name:>28}: {result}")
    late = jwt.encode(claims("42", datetime.now(UTC) - timedelta(minutes=15, seconds=20)), SECRET)
    print(f"expired 20 s ago, leeway 30 s: {outcome(late, SECRET, leeway=30)}")

    key = rsa_keypair()
    rs_token = jwt.encode(claims("42", datetime.now(UTC)), key, "RS256", headers={"kid": "k1"})
    document = jwks(key, "k1")
    print(f"RS256 via JWKS (kid k1, n={document['keys'][0]['n'][:12]}...): "
          f"{outcome(rs_token, key_from_jwks(document, rs_token), 'RS256')}")  # fmt: skip
    confused = forge({"alg": "HS256", "typ": "JWT"}, claims("1", datetime.now(UTC)),
                     secret=public_pem(key))  # fmt: skip
    print(f"HS256 signed with the public key: naive verifier -> {naive_verify(confused, public_pem(key))}, "
          f"verify(algorithms=['RS256']) -> {outcome(confused, key.public_key(), 'RS256')}")  # fmt: skip


if __name__ == "__main__":
    main()
