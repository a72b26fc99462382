"""Inherited guard (0 points) under task 8: the whole app, the pipeline's routes included.

A user never sees or changes another user's data (OWASP API1:2023, "BOLA"/IDOR).

The routes are enumerated from the app, not listed here: a route added later with an id in its
path is attacked too, and a path parameter this suite does not know fails it until someone says
how to make such a resource. Another user's id must look exactly like a missing one: 404, not 403.
"""

import re
from collections.abc import Awaitable, Callable
from itertools import count
from typing import Any

import httpx
import pytest
from fastapi.routing import iter_route_contexts

from ..factories import V1, Account

pytestmark = [pytest.mark.task(8), pytest.mark.points(0)]  # inherited: a guard, no points

Maker = Callable[[httpx.AsyncClient], Awaitable[int]]


async def make(
    client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 201
) -> int:
    response = await client.post(f"{V1}/{path}", json=body)
    assert response.status_code == status, response.text
    return int(response.json()["id"])


# How to make a resource of each kind a path names, and a valid body to change it with.
_n = count(1)
RESOURCES: dict[str, tuple[Maker, dict[str, Any]]] = {
    "task_id": (lambda c: make(c, "tasks", {"title": "Ann's secret plan"}), {"title": "mine"}),
    "category_id": (lambda c: make(c, "categories", {"name": f"Ann's {next(_n)}"}),
                    {"name": "mine"}),
    "tag_id": (lambda c: make(c, "tags", {"name": f"ann-only-{next(_n)}"}), {"name": "mine"}),
    # week 11: a report export is accepted (202), not created at once
    "report_id": (lambda c: make(c, "reports", {"format": "csv"}, status=202), {}),
}  # fmt: skip
# Users and dead letters are not owned: their routes are for admins (test_admin.py).
ADMIN_ONLY = {"user_id", "dead_letter_id"}
PATH_PARAMETER = re.compile(r"\{(\w+)(?::\w+)?\}")  # "{task_id}", "{task_id:digits}"
EXTERNAL = {"owner"}  # week 10: GitHub's names, not this API's resources (week 10's test_github.py)


def resource_routes(app: Any) -> list[tuple[str, str, str]]:
    """(method, path, id parameter) of every API route with an id in its path."""
    found = []
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        match = PATH_PARAMETER.search(path)
        if not path.startswith("/api/") or match is None:
            continue
        found += [(method, path, match.group(1)) for method in sorted(route.methods or [])]
    return found


async def test_every_route_with_an_id_hides_other_users_resources(
    app: Any, client: httpx.AsyncClient, bob: Account
) -> None:
    """``client`` is Ann. Bob tries every route on each of Ann's resources."""
    routes = resource_routes(app)
    unknown = {parameter for _, _, parameter in routes} - set(RESOURCES) - ADMIN_ONLY - EXTERNAL
    assert not unknown, f"no way to make a resource for {unknown}: add one to RESOURCES"

    leaks = []
    for method, path, parameter in routes:
        if parameter in ADMIN_ONLY | EXTERNAL:
            continue
        maker, body = RESOURCES[parameter]
        resource_id = await maker(client)
        url = "http://testserver" + PATH_PARAMETER.sub(str(resource_id), path)
        before = await client.get(url)
        json_body = body if method in ("PUT", "PATCH") else None
        attempt = await client.request(method, url, json=json_body, headers=bob.headers)
        after = await client.get(url)
        if attempt.status_code != 404 or after.json() != before.json():
            leaks.append(f"{method} {path}: Bob got {attempt.status_code}")
    assert routes
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(
    "url", [f"{V1}/tasks", f"{V1}/categories", f"{V1}/tags", "http://testserver/api/v2/tasks"]
)
async def test_lists_show_only_your_own(client: httpx.AsyncClient, bob: Account, url: str) -> None:
    for maker, _ in RESOURCES.values():
        await maker(client)

    def items(response: httpx.Response) -> list[Any]:
        body = response.json()
        return list(body["items"] if isinstance(body, dict) else body)  # v2 pages, v1 lists

    assert items(await client.get(url))  # Ann has data ...
    assert items(await client.get(url, headers=bob.headers)) == []  # ... Bob sees none of it


async def test_references_to_another_users_category_or_tags_are_unknown(
    client: httpx.AsyncClient, bob: Account
) -> None:
    category = await RESOURCES["category_id"][0](client)
    tag = await RESOURCES["tag_id"][0](client)

    attempts = [
        await client.post(f"{V1}/tasks", json={"title": "x", "category_id": category},
                          headers=bob.headers),
        await client.post(f"{V1}/tasks", json={"title": "x", "tag_ids": [tag]}, headers=bob.headers),
        await client.post("http://testserver/api/v2/tasks/import",
                          json={"tasks": [{"title": "x", "category_id": category}]},
                          headers=bob.headers),
    ]  # fmt: skip

    assert [response.status_code for response in attempts] == [422, 422, 422]
    assert (await client.get(f"{V1}/tasks", headers=bob.headers)).json() == []


async def test_names_and_idempotency_keys_are_per_user(
    client: httpx.AsyncClient, bob: Account
) -> None:
    # The same category name for two users is fine (unique per owner) ...
    for headers in (None, bob.headers):
        response = await client.post(f"{V1}/categories", json={"name": "Work"}, headers=headers)
        assert response.status_code == 201
    # ... and Bob's Idempotency-Key never replays Ann's response.
    key = {"Idempotency-Key": "same-key"}
    anns = await client.post("http://testserver/api/v2/tasks", json={"title": "A"}, headers=key)
    bobs = await client.post(
        "http://testserver/api/v2/tasks", json={"title": "A"}, headers=key | bob.headers
    )
    assert anns.status_code == bobs.status_code == 201
    assert anns.json()["id"] != bobs.json()["id"]
    assert "idempotent-replayed" not in bobs.headers
