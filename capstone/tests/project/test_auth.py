"""Registration, log-in, refresh rotation with reuse detection, log-out."""

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import text

from .conftest import PASSWORD, MovableClock, Person, World

pytestmark = pytest.mark.task(1)


async def register_and_login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    registered = await client.post("/auth/register", json={"email": email, "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    response = await client.post("/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    tokens: dict[str, str] = response.json()
    return tokens


async def test_register_log_in_and_see_yourself(anonymous: httpx.AsyncClient) -> None:
    tokens = await register_and_login(anonymous, "Ann@Example.com")
    me = await anonymous.get(
        "/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == "ann@example.com"


async def test_an_address_registers_once_whatever_its_case(anonymous: httpx.AsyncClient) -> None:
    await register_and_login(anonymous, "bob@example.com")
    again = await anonymous.post(
        "/auth/register", json={"email": "BOB@example.com", "password": PASSWORD}
    )
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


async def test_bad_registrations_are_422_naming_the_field(anonymous: httpx.AsyncClient) -> None:
    short = await anonymous.post(
        "/auth/register", json={"email": "c@example.com", "password": "short"}
    )
    not_an_address = await anonymous.post(
        "/auth/register", json={"email": "nope", "password": PASSWORD}
    )
    assert [short.status_code, not_an_address.status_code] == [422, 422]
    assert short.json()["errors"][0]["loc"] == ["body", "password"]
    assert PASSWORD not in not_an_address.text  # a validation error never echoes the input


async def test_wrong_password_and_unknown_address_get_the_same_401(
    anonymous: httpx.AsyncClient,
) -> None:
    await register_and_login(anonymous, "dee@example.com")
    wrong = await anonymous.post(
        "/auth/login", json={"email": "dee@example.com", "password": "x" * 12}
    )
    unknown = await anonymous.post(
        "/auth/login", json={"email": "zed@example.com", "password": PASSWORD}
    )
    assert [wrong.status_code, unknown.status_code] == [401, 401]
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.headers["www-authenticate"] == "Bearer"


async def test_refresh_rotates_and_a_reused_token_revokes_the_family(
    anonymous: httpx.AsyncClient,
) -> None:
    first = await register_and_login(anonymous, "eve@example.com")
    second = await anonymous.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    replay = await anonymous.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    # The thief replayed the old token: the legitimate newest one dies with its family.
    newest = await anonymous.post(
        "/auth/refresh", json={"refresh_token": second.json()["refresh_token"]}
    )
    assert newest.status_code == 401


async def test_logout_ends_the_session(anonymous: httpx.AsyncClient) -> None:
    tokens = await register_and_login(anonymous, "fay@example.com")
    out = await anonymous.post("/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 204
    after = await anonymous.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert after.status_code == 401


async def test_tokens_are_not_interchangeable_and_expire(
    world: World, clock: MovableClock, anonymous: httpx.AsyncClient
) -> None:

    tokens = await register_and_login(anonymous, "gus@example.com")
    as_refresh = await anonymous.post(
        "/auth/refresh", json={"refresh_token": tokens["access_token"]}
    )
    forged = await anonymous.get("/users/me", headers={"Authorization": "Bearer not.a.jwt"})
    assert [as_refresh.status_code, forged.status_code] == [401, 401]
    clock.advance(timedelta(minutes=16))
    late = await anonymous.get(
        "/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert late.status_code == 401


async def test_a_deleted_users_token_is_refused(world: World) -> None:
    person: Person = await world.person("gone")
    client = await world.client(person)
    await world.db.execute(text("DELETE FROM users WHERE id = :id"), {"id": person.id})
    assert (await client.get("/users/me")).status_code == 401
    assert (await (await world.client()).get("/users/me")).status_code == 401
