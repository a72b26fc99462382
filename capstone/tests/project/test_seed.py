"""``make run``'s demo data: added once, through the services, and its accounts log in."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from testkit import impl_module

seed = impl_module("capstone", "seed")
pytestmark = pytest.mark.task(7)


async def test_the_demo_data_is_added_once_and_its_accounts_work(
    app: Any,
    settings: Any,
    sessionmaker: async_sessionmaker[AsyncSession],
    anonymous: httpx.AsyncClient,
) -> None:
    async with sessionmaker() as session:
        assert await seed.seed(session, settings) is True
        assert await seed.seed(session, settings) is False
        await session.commit()
    login = {"email": "viewer@globex.example", "password": seed.PASSWORD}
    tokens = (await anonymous.post("/auth/login", json=login)).json()
    anonymous.headers["Authorization"] = f"Bearer {tokens['access_token']}"
    (organisation,) = (await anonymous.get("/orgs")).json()
    assert (organisation["slug"], organisation["role"]) == ("globex", "viewer")
    tasks = (await anonymous.get(f"/orgs/{organisation['id']}/tasks")).json()["items"]
    assert {t["title"] for t in tasks} == {"Write the launch post", "Fix the login bug"}
    assert "viewer@acme.example" in seed.credentials()
