import httpx
import pytest
from week09.lectures import l3_rbac as l3


async def test_roles_scopes_admin_and_optional_auth() -> None:
    assert await l3.demo() == [
        "                          no token: 401 {'detail': 'Not authenticated'}",
        "               rita (reader) reads: 200 ['a note for rita']",
        "              rita (reader) writes: 403 {'detail': 'Missing permission: notes:write'}",
        "                ed (editor) writes: 201 {'author': 'ed'}",
        "       ed, read-only token, writes: 403 {'detail': 'Missing permission: notes:write'}",
        "               ed deactivates rita: 403 {'detail': 'Missing permission: users:manage'}",
        "      ada (admin) deactivates rita: 200 {'deactivated': 'rita', 'by': 'ada'}",
        "             rita's old token, now: 401 {'detail': 'Invalid or expired token'}",
        "               greeting, anonymous: 200 Hello, stranger! Log in to see your notes.",
        "                      greeting, ed: 200 Hello, ed!",
    ]


@pytest.fixture
async def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=l3.make_app(l3.demo_users())), base_url="http://app"
    )


async def test_wrong_password_and_bad_tokens_are_401_with_a_bearer_challenge(
    client: httpx.AsyncClient,
) -> None:
    async with client:
        login = await client.post("/token", data={"username": "ed", "password": "guess"})
        bad = await client.get("/notes", headers={"Authorization": "Bearer not-a-jwt"})
        optional_bad = await client.get("/greeting", headers={"Authorization": "Bearer x.y.z"})

    for response in (login, bad, optional_bad):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"


async def test_a_role_change_applies_to_existing_tokens(client: httpx.AsyncClient) -> None:
    users = l3.demo_users()
    app = l3.make_app(users)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://a") as c:
        token = await l3.token(c, "ed")
        users["ed"].role = "reader"
        response = await c.post("/notes", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 403
    assert 'error="insufficient_scope"' in response.headers["www-authenticate"]


def test_the_openapi_document_has_the_password_flow_with_scopes() -> None:
    schema = l3.make_app({}).openapi()
    flow = schema["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]["password"]

    assert flow["tokenUrl"] == "token"
    assert set(flow["scopes"]) == {"notes:read", "notes:write", "users:manage"}
    assert schema["paths"]["/notes"]["post"]["security"] == [
        {"OAuth2PasswordBearer": ["notes:write"]}
    ]
