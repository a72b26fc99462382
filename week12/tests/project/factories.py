"""Builders of request bodies and seeded data: each test states only what matters to it.

Plain functions rather than a factory library: defaults are visible in one place, and
``task_body(title="x")`` reads like the request it builds. (polyfactory can generate such bodies
from the Pydantic models when there are many fields to fill.)
"""

from dataclasses import dataclass
from itertools import count
from typing import Any

import httpx

V1 = "http://testserver/api/v1"  # absolute: a relative "/api/v1/..." would join the v2 base URL
_titles = count(1)


def task_body(**overrides: Any) -> dict[str, Any]:
    """A valid v2 task body: a unique title, every other field at its default."""
    return {"title": f"Task {next(_titles)}"} | overrides


async def create_task(client: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/tasks", json=task_body(**overrides))
    assert response.status_code == 201, response.text
    task: dict[str, Any] = response.json()
    return task


async def create_tasks(client: httpx.AsyncClient, n: int, **overrides: Any) -> list[dict[str, Any]]:
    return [await create_task(client, **overrides) for _ in range(n)]


async def walk(client: httpx.AsyncClient, url: str) -> list[list[int]]:
    """Follow ``links.next`` from ``url`` to the last page; the task ids of each page."""
    pages: list[list[int]] = []
    next_url: str | None = url
    while next_url is not None:
        response = await client.get(next_url)
        assert response.status_code == 200, response.text
        pages.append([task["id"] for task in response.json()["items"]])
        next_url = response.json()["links"]["next"]
    return pages


PASSWORD = "plum kettle orbit sandal"  # noqa: S105 - the test users' password


@dataclass(frozen=True)
class Account:
    """A registered user and the tokens of one login."""

    id: int
    email: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def login(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD, scope: str = ""
) -> httpx.Response:
    """POST the OAuth2 password form (``client`` on /api/v1)."""
    form = {"username": email, "password": password, "scope": scope}
    return await client.post(f"{V1}/auth/token", data=form)


async def register_and_login(client: httpx.AsyncClient, email: str) -> Account:
    body = {"email": email, "password": PASSWORD}
    registered = await client.post(f"{V1}/auth/register", json=body)
    assert registered.status_code == 201, registered.text
    return await login_account(client, Account(registered.json()["id"], email, "", ""))


async def login_account(client: httpx.AsyncClient, account: Account, scope: str = "") -> Account:
    """The account with the tokens of a new login."""
    response = await login(client, account.email, scope=scope)
    assert response.status_code == 200, response.text
    tokens = response.json()
    return Account(account.id, account.email, tokens["access_token"], tokens["refresh_token"])
