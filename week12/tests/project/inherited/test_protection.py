"""Inherited guard (0 points) under task 3: the whole app, with week 12's /api/v1/ws beside it.

The socket has no HTTP methods, so the enumeration below skips it; ``test_socket.py`` shows it
refuses a missing or bad token (1008).

Every route is protected unless it is meant to be public (OWASP API5:2023), and the responses
carry the security headers.

Enumerated from the app's routes: a route added without ``Security(authorize, ...)`` (or without
any dependency that needs a token) fails here.
"""

import re
from typing import Any

import httpx
import pytest
from fastapi.routing import iter_route_contexts

from ..factories import Account

pytestmark = [pytest.mark.task(3), pytest.mark.points(0)]  # inherited: a guard, no points

PUBLIC = {
    "/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout",
    "/.well-known/jwks.json",
}  # fmt: skip
DOCS = ("/openapi.json", "/docs", "/redoc")


def api_routes(app: Any) -> list[tuple[str, str]]:
    routes = []
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if path in PUBLIC or path.endswith(DOCS) or "/docs/" in path:
            continue
        routes += [(method, path) for method in sorted(route.methods or []) if method != "HEAD"]
    return routes


async def test_every_other_route_needs_a_token(app: Any, anonymous: httpx.AsyncClient) -> None:
    open_routes = []
    for method, path in api_routes(app):
        url = "http://testserver" + re.sub(r"\{[^}]+\}", "1", path)
        response = await anonymous.request(method, url, json={})
        if response.status_code != 401 or "www-authenticate" not in response.headers:
            open_routes.append(f"{method} {path}: {response.status_code}")
    assert api_routes(app)
    assert not open_routes, "\n".join(open_routes)


async def documented_security(client: httpx.AsyncClient, version: str) -> dict[str, Any]:
    document = (await client.get(f"http://testserver/api/{version}/openapi.json")).json()
    return {
        f"{method.upper()} {path}": operation.get("security")
        for path, item in document["paths"].items()
        for method, operation in item.items()
    }


@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_the_documents_show_which_scope_each_operation_needs(
    anonymous: httpx.AsyncClient, version: str
) -> None:
    security = await documented_security(anonymous, version)
    unsecured = [op for op, needs in security.items() if not needs and "/auth/" not in op]
    assert not unsecured, unsecured


async def test_me_shows_the_tokens_user(client: httpx.AsyncClient, ann: Account) -> None:
    response = await client.get("/me")

    assert response.status_code == 200
    assert response.json()["id"] == ann.id
    assert "password_hash" not in response.json()


@pytest.mark.parametrize("url", ["/tasks", "/nowhere", "/auth/token", "/docs"])
async def test_responses_carry_security_headers(anonymous: httpx.AsyncClient, url: str) -> None:
    response = await anonymous.get(url)

    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    if url == "/docs":
        assert "https://cdn.jsdelivr.net" in csp  # Swagger UI's script and styles
    else:
        assert csp.startswith("default-src 'none'")


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ({}, 422),
        ({"username": "a@b.co"}, 422),
        ({"username": "a" * 321, "password": "x"}, 422),  # it would become a throttle key
        ({"username": "a\x00@b.co", "password": "x"}, 422),  # PostgreSQL cannot store NUL
        ({"username": "a@b.co", "password": "x" * 1025}, 422),
        ({"username": "a@b.co", "password": "x", "grant_type": "client_credentials"}, 422),
        ({"username": "a@b.co", "password": "x"}, 401),
    ],
)
async def test_the_token_endpoint_validates_its_form(
    anonymous: httpx.AsyncClient, form: dict[str, str], status: int
) -> None:
    assert (await anonymous.post("/auth/token", data=form)).status_code == status


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 422), ({"refresh_token": ""}, 422), ({"refresh_token": "x" * 5000}, 422),
     ({"refresh_token": "a.b.c"}, 401), ({"refresh_token": "\u00e9\u00e9.\u00e9.\u00e9"}, 401)],
)  # fmt: skip
async def test_refresh_and_logout_refuse_bad_bodies(
    anonymous: httpx.AsyncClient, body: dict[str, str], status: int
) -> None:
    for path in ("/auth/refresh", "/auth/logout"):
        assert (await anonymous.post(path, json=body)).status_code == status
