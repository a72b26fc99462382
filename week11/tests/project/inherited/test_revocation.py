"""Task 3 (second half): revoked logins in the app: a logout ends the login's access token at
once (week 9's lived on for up to 15 minutes), so does a reused refresh token; other logins go on."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from testkit.db import count_queries

from ..factories import V1, Account, login_account

pytestmark = [pytest.mark.task(9), pytest.mark.points(0)]  # inherited: a guard, no points


async def me(client: httpx.AsyncClient, account: Account) -> int:
    return (await client.get(f"{V1}/me", headers=account.headers)).status_code


async def test_a_logout_ends_the_logins_access_token_at_once(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    other = await login_account(anonymous, ann)  # Ann on another device
    assert await me(anonymous, ann) == 200
    response = await anonymous.post("/auth/logout", json={"refresh_token": ann.refresh_token})
    assert response.status_code == 204
    assert await me(anonymous, ann) == 401
    assert await me(anonymous, other) == 200  # another login: untouched


async def test_a_reused_refresh_token_ends_the_logins_access_tokens(
    anonymous: httpx.AsyncClient, ann: Account
) -> None:
    first = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert first.status_code == 200
    fresh = Account(ann.id, ann.email, first.json()["access_token"], "")
    assert await me(anonymous, fresh) == 200
    stolen = await anonymous.post("/auth/refresh", json={"refresh_token": ann.refresh_token})
    assert stolen.status_code == 401  # reuse detected: the family is revoked...
    assert await me(anonymous, fresh) == 401  # ... and its newest access token with it
    assert await me(anonymous, ann) == 401


async def test_checks_are_answered_by_redis_once_its_copy_is_complete(
    anonymous: httpx.AsyncClient, ann: Account, db_engine: AsyncEngine
) -> None:
    await me(anonymous, ann)  # the first check builds the copy
    with count_queries(db_engine) as queries:
        assert await me(anonymous, ann) == 200
    assert [s for s in queries.statements if "refresh_tokens" in s] == []
