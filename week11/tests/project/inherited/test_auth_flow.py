"""Tasks 1 and 3: register, log in (the OAuth2 password flow), refresh with rotation, log out."""

from typing import Any

import httpx
import pytest
from pwdlib.hashers.bcrypt import BcryptHasher
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from testkit import impl_module

from ..factories import PASSWORD, Account, login

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points

EMAIL = "new.user@example.com"
WRONG_GUESS = "not the right one"


async def register(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await client.post("/auth/register", json={"email": EMAIL, "password": PASSWORD} | body)


async def test_register_creates_a_user_and_never_shows_the_hash(
    anonymous: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    response = await register(anonymous, email="  New.User@Example.COM ")

    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"id", "email", "role", "is_active", "created_at"}
    assert (body["email"], body["role"], body["is_active"]) == (EMAIL, "user", True)
    stored = await db_connection.scalar(
        text("SELECT password_hash FROM users WHERE id = :id"), {"id": body["id"]}
    )
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


async def test_one_account_per_address_whatever_its_case(anonymous: httpx.AsyncClient) -> None:
    assert (await register(anonymous)).status_code == 201

    again = await register(anonymous, email=EMAIL.upper())

    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


async def test_a_row_another_request_committed_meanwhile_is_a_409_too(
    db_connection: AsyncConnection,
) -> None:
    """The race: the other registration committed between our check and our INSERT. Only the
    unique index can see it; the repository turns its IntegrityError into the same 409."""
    users = impl_module("week11", "users.repository").UserRepository
    await db_connection.execute(
        text("INSERT INTO users (email, password_hash) VALUES (:e, '!')"), {"e": EMAIL}
    )
    session = AsyncSession(bind=db_connection, join_transaction_mode="create_savepoint")
    with pytest.raises(impl_module("week11", "users.exceptions").EmailTakenError):
        await users(session).add(EMAIL.upper(), "$argon2id$...")
    await session.close()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": "too short"}, "password"),
        ({"password": "passwordpassword"}, "password"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "nul\x00@example.com"}, "email"),
        ({"password": "x" * 129}, "password"),
        ({"role": "admin"}, "role"),  # mass assignment: no one registers as an admin
    ],
)
async def test_bad_registrations_are_422_naming_the_field(
    anonymous: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await register(anonymous, **body)

    assert response.status_code == 422, response.text
    assert [error["loc"][-1] for error in response.json()["errors"]] == [field]
    assert "x" * 129 not in response.text  # input is never echoed back


async def test_login_returns_a_token_pair_that_must_not_be_cached(
    anonymous: httpx.AsyncClient, ann: Account, settings: Any
) -> None:
    response = await login(anonymous, "ANN@example.com")

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"  # noqa: S105 - a token type, not a secret
    assert body["expires_in"] == settings.access_ttl.total_seconds()
    assert body["scope"] == "tasks:read tasks:write"
    me = await anonymous.get("/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["email"] == "ann@example.com"


async def test_wrong_password_and_unknown_email_look_the_same(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    wrong = await login(anonymous, "ann@example.com", password=WRONG_GUESS)
    unknown = await login(anonymous, "nobody@example.com")

    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert wrong.json()["detail"] == unknown.json()["detail"] == "Incorrect e-mail or password"


async def test_a_token_can_be_narrowed_to_some_scopes(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    response = await login(anonymous, ann.email, scope="tasks:read users:manage")
    token = response.json()

    assert token["scope"] == "tasks:read"  # users:manage is not Ann's to have
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert (await anonymous.get("/tasks", headers=headers)).status_code == 200
    denied = await anonymous.post("/tasks", json={"title": "x"}, headers=headers)
    assert denied.status_code == 403
    assert 'error="insufficient_scope"' in denied.headers["www-authenticate"]
    # The refreshed pair keeps the narrowed scopes.
    refreshed = await anonymous.post(
        "/auth/refresh", json={"refresh_token": token["refresh_token"]}
    )
    assert refreshed.json()["scope"] == "tasks:read"


async def test_refresh_rotates_the_pair(anonymous: httpx.AsyncClient, ann: Account) -> None:
    response = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    pair = response.json()
    assert pair["refresh_token"] != ann.refresh_token
    assert pair["access_token"] != ann.access_token
    me = await anonymous.get("/me", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200
    second = await anonymous.post("/auth/refresh", json={"refresh_token": pair["refresh_token"]})
    assert second.status_code == 200  # the new one works once too


async def test_logout_revokes_the_login_but_not_other_logins(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    other_device = (await login(anonymous, ann.email)).json()

    response = await anonymous.post("/auth/logout", json={"refresh_token": ann.refresh_token})

    assert response.status_code == 204
    gone = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert gone.status_code == 401
    kept = await anonymous.post(
        "/auth/refresh", json={"refresh_token": other_device["refresh_token"]}
    )
    assert kept.status_code == 200


async def test_a_legacy_bcrypt_user_logs_in_and_is_upgraded(
    anonymous: httpx.AsyncClient, db_connection: AsyncConnection
) -> None:
    legacy = BcryptHasher(rounds=4).hash(PASSWORD)
    await db_connection.execute(
        text("INSERT INTO users (email, password_hash) VALUES ('old@example.com', :h)"),
        {"h": legacy},
    )

    response = await login(anonymous, "old@example.com")

    assert response.status_code == 200, response.text
    stored = await db_connection.scalar(
        text("SELECT password_hash FROM users WHERE email = 'old@example.com'")
    )
    assert stored.startswith("$argon2id$")
    assert (await login(anonymous, "old@example.com")).status_code == 200  # with the new hash


async def test_a_deactivated_user_cannot_log_in(
    anonymous: httpx.AsyncClient, ann: Account, db_connection: AsyncConnection
) -> None:
    await db_connection.execute(
        text("UPDATE users SET is_active = false WHERE id = :id"), {"id": ann.id}
    )
    response = await login(anonymous, ann.email)
    assert response.status_code == 401
    assert response.json()["detail"] == "Incorrect e-mail or password"
