"""Task 2: the token codec (``auth/tokens.py``): what is in a token, and what decoding checks."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest

from testkit import impl_module

from .. import forge

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points

tokens = impl_module("week11", "auth.tokens")
NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def codec(settings: Any) -> Any:
    # One per module: loading the RSA key checks it, which takes a while; the codec keeps no state.
    return tokens.TokenCodec(settings)


def unverified(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


def test_an_access_token_carries_every_claim_and_its_scopes(codec: Any, settings: Any) -> None:
    login = uuid.uuid4()
    token = codec.access_token(7, frozenset({"tasks:write", "tasks:read"}), NOW, login)

    assert jwt.get_unverified_header(token) == {
        "alg": "RS256",
        "typ": "JWT",
        "kid": settings.key_id,
    }
    claims = unverified(token)
    assert set(claims) == {"iss", "aud", "sub", "iat", "nbf", "exp", "jti", "type", "scope", "sid"}
    assert claims["sid"] == str(login)  # week 10: the login, for the deny-list
    assert (claims["sub"], claims["type"], claims["scope"]) == (
        "7",
        "access",
        "tasks:read tasks:write",
    )
    assert claims["exp"] - claims["iat"] == settings.access_ttl.total_seconds()
    assert codec.decode_access(token) == tokens.AccessClaims(
        7, frozenset({"tasks:read", "tasks:write"}), login
    )


def test_a_refresh_token_names_its_family(codec: Any, settings: Any) -> None:
    family = uuid.uuid4()
    token, issued = codec.refresh_token(7, family, frozenset({"tasks:read"}), NOW)

    claims = unverified(token)
    assert (claims["type"], claims["fam"], claims["jti"]) == (
        "refresh",
        str(family),
        str(issued.jti),
    )
    assert claims["exp"] - claims["iat"] == settings.refresh_ttl.total_seconds()
    decoded = codec.decode_refresh(token)
    assert (decoded.user_id, decoded.family_id, decoded.jti) == (7, family, issued.jti)
    assert decoded.scopes == frozenset({"tasks:read"})
    assert abs(decoded.expires_at - issued.expires_at) < timedelta(seconds=1)


def test_each_kind_is_refused_where_the_other_is_expected(codec: Any) -> None:
    access = codec.access_token(7, frozenset(), NOW, uuid.uuid4())
    refresh, _ = codec.refresh_token(7, uuid.uuid4(), frozenset(), NOW)

    with pytest.raises(tokens.InvalidTokenError):
        codec.decode_refresh(access)
    with pytest.raises(tokens.InvalidTokenError):
        codec.decode_access(refresh)


def test_leeway_tolerates_a_few_seconds_of_clock_skew(
    codec: Any, settings: Any, signing_key: str
) -> None:
    now = datetime.now(UTC)
    just_expired = forge.claims(settings, 7, exp=now - timedelta(seconds=3))
    long_expired = forge.claims(settings, 7, exp=now - timedelta(seconds=30))

    assert codec.decode_access(forge.sign(just_expired, signing_key)).user_id == 7
    with pytest.raises(tokens.InvalidTokenError):
        codec.decode_access(forge.sign(long_expired, signing_key))


def test_jwks_publishes_only_the_public_key(codec: Any, settings: Any) -> None:
    (key,) = codec.jwks()["keys"]
    assert (key["kty"], key["kid"], key["use"], key["alg"]) == (
        "RSA",
        settings.key_id,
        "sig",
        "RS256",
    )
    assert "d" not in key


def test_an_access_token_without_its_login_is_refused(
    codec: Any, settings: Any, signing_key: str
) -> None:
    """Week 10: a token that names no login cannot be checked against the deny-list."""
    for sid in (None, "not-a-uuid"):
        claims = forge.claims(settings, 7, sid=sid)
        with pytest.raises(tokens.InvalidTokenError):
            codec.decode_access(forge.sign(claims, signing_key))
