"""The attack suite (tasks 2-4, 7): what an attacker tries against the tokens and the login.

Every case must stay green: a forged, stale or misused token is a 401 problem with
``WWW-Authenticate``, never a 200 and never a 500. The README's table lists the cases.
"""

from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from testkit import impl_module

from . import forge
from .conftest import FRONT_END
from .factories import Account

settings_module = impl_module("week09", "settings")
NOW = datetime.now(UTC)


async def me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/me", headers={"Authorization": f"Bearer {token}"})


def assert_unauthorized(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")


@cache
def another_key() -> str:
    """A key pair that is not the app's (made once: key generation is slow)."""
    return str(settings_module.new_signing_key())


def forged_tokens(settings: Any, key: str, user_id: int) -> dict[str, str]:
    """Each attack on the access token, by name (the README's table)."""
    valid = forge.claims(settings, user_id)
    minute = timedelta(minutes=1)
    other_key = another_key()
    return {
        "alg none": forge.by_hand({"alg": "none", "typ": "JWT"}, valid, secret=None),
        "HS256 signed with the public key": forge.by_hand(
            {"alg": "HS256", "typ": "JWT"}, valid, secret=forge.public_pem(key)
        ),
        "signed with another key": forge.sign(valid, other_key),
        "expired": forge.sign(
            valid | {"iat": NOW - 20 * minute, "nbf": NOW - 20 * minute, "exp": NOW - minute}, key
        ),
        "not yet valid": forge.sign(valid | {"nbf": NOW + 5 * minute}, key),
        "wrong audience": forge.sign(valid | {"aud": "billing-api"}, key),
        "wrong issuer": forge.sign(valid | {"iss": "https://evil.example"}, key),
        "garbage": "not-a-token",
        "three garbage parts": "a.b.c",
        "empty signature": ".".join(forge.sign(valid, key).split(".")[:2]) + ".",
    }


ATTACKS = [
    "alg none", "HS256 signed with the public key", "signed with another key", "expired",
    "not yet valid", "wrong audience", "wrong issuer", "garbage", "three garbage parts",
    "empty signature",
]  # fmt: skip


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize("attack", ATTACKS)
async def test_forged_and_stale_tokens_are_refused(
    anonymous: httpx.AsyncClient, settings: Any, signing_key: str, member: int, attack: str
) -> None:
    token = forged_tokens(settings, signing_key, member)[attack]
    assert_unauthorized(await me(anonymous, token))


@pytest.mark.task(2)
@pytest.mark.points(1)
@pytest.mark.parametrize("claim", ["exp", "iat", "nbf", "sub", "aud", "iss", "jti", "type"])
async def test_a_token_missing_a_required_claim_is_refused(
    anonymous: httpx.AsyncClient, settings: Any, signing_key: str, member: int, claim: str
) -> None:
    dropped: dict[str, Any] = {claim: None}
    token = forge.sign(forge.claims(settings, member, **dropped), signing_key)
    assert_unauthorized(await me(anonymous, token))


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_a_tampered_payload_is_refused(
    client: httpx.AsyncClient, ann: Account, bob: Account
) -> None:
    # Ann edits her token to say she is Bob, keeping her signature.
    assert_unauthorized(await me(client, forge.tamper(ann.access_token, sub=str(bob.id))))
    assert_unauthorized(await me(client, forge.tamper(ann.access_token, scope="users:manage")))


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_a_token_the_app_signed_itself_is_accepted(
    anonymous: httpx.AsyncClient, settings: Any, signing_key: str, member: int
) -> None:
    """The control case: the forge makes tokens the app accepts, so the refusals above are real."""
    response = await me(anonymous, forge.sign(forge.claims(settings, member), signing_key))
    assert response.status_code == 200
    assert response.json()["email"] == "member@example.com"


@pytest.mark.task(2)
@pytest.mark.points(2)
async def test_refresh_and_access_tokens_do_not_stand_in_for_each_other(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    assert_unauthorized(await me(anonymous, ann.refresh_token))
    response = await anonymous.post("/auth/refresh", json={"refresh_token": ann.access_token})
    assert_unauthorized(response)


@pytest.mark.task(3)
@pytest.mark.points(3)
async def test_a_reused_refresh_token_revokes_the_whole_family(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    first = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert first.status_code == 200
    newest = first.json()["refresh_token"]

    replay = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert_unauthorized(replay)
    assert "revoked" in replay.json()["detail"]
    # The legitimate client's newest token dies with the family: both parties must log in.
    assert_unauthorized(await anonymous.post("/auth/refresh", json={"refresh_token": newest}))


@pytest.mark.task(6)
@pytest.mark.points(3)
async def test_a_deactivated_users_tokens_stop_working_at_once(
    anonymous: httpx.AsyncClient, ann: Account, admin: Account
) -> None:
    assert (await me(anonymous, ann.access_token)).status_code == 200

    response = await anonymous.patch(
        f"/admin/users/{ann.id}", json={"is_active": False}, headers=admin.headers
    )
    assert response.status_code == 200, response.text

    assert_unauthorized(await me(anonymous, ann.access_token))  # not in 15 minutes: now
    refreshed = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert_unauthorized(refreshed)


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_a_deleted_users_tokens_stop_working(
    anonymous: httpx.AsyncClient, ann: Account, db_connection: AsyncConnection
) -> None:
    await db_connection.execute(text("DELETE FROM users WHERE id = :id"), {"id": ann.id})

    assert_unauthorized(await me(anonymous, ann.access_token))
    refreshed = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert_unauthorized(refreshed)


@pytest.mark.task(4)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    "header", ["", "Bearer", "Bearer ", "Basic YW5uOnB3", "bearer", "Token abc"]
)
async def test_missing_or_other_schemes_are_401(anonymous: httpx.AsyncClient, header: str) -> None:
    headers = {"Authorization": header} if header else {}
    assert_unauthorized(await anonymous.get("/tasks", headers=headers))


@pytest.mark.task(2)
@pytest.mark.points(1)
async def test_the_jwks_verifies_the_apps_tokens_and_holds_no_secret(
    anonymous: httpx.AsyncClient, settings: Any, ann: Account
) -> None:
    jwks = (await anonymous.get("http://testserver/.well-known/jwks.json")).json()

    (key,) = jwks["keys"]
    assert key["kid"] == settings.key_id
    assert key["alg"] == "RS256"
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)  # no private parts
    public = jwt.PyJWKSet.from_dict(jwks)[settings.key_id].key
    claims = jwt.decode(ann.access_token, public, algorithms=["RS256"], audience=settings.audience)
    assert claims["sub"] == str(ann.id)


@pytest.mark.task(4)
@pytest.mark.points(2)
async def test_cors_refuses_a_foreign_origin_and_allows_the_front_end(
    anonymous: httpx.AsyncClient,
) -> None:
    def preflight(origin: str) -> dict[str, str]:
        return {
            "Origin": origin,
            "Access-Control-Request-Method": "DELETE",
            "Access-Control-Request-Headers": "authorization",
        }

    refused = await anonymous.options("/tasks/1", headers=preflight("https://evil.example"))
    allowed = await anonymous.options("/tasks/1", headers=preflight(FRONT_END))
    simple = await anonymous.get("/tasks", headers={"Origin": "https://evil.example"})

    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == FRONT_END
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-origin" not in simple.headers
