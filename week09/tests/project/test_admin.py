"""Task 6: admins manage users; everyone else may not even list them."""

import httpx
import pytest

from .factories import Account, login

pytestmark = pytest.mark.task(6)


@pytest.mark.points(2)
async def test_admins_list_and_read_users(
    anonymous: httpx.AsyncClient, admin: Account, ann: Account
) -> None:
    listed = await anonymous.get("/admin/users", headers=admin.headers)
    one = await anonymous.get(f"/admin/users/{ann.id}", headers=admin.headers)
    page = await anonymous.get(f"/admin/users?after_id={ann.id}&limit=1", headers=admin.headers)

    assert listed.status_code == 200
    emails = [user["email"] for user in listed.json()]
    assert {"ann@example.com", "root@example.com"} <= set(emails)
    assert all("password_hash" not in user for user in listed.json())
    assert one.json()["email"] == "ann@example.com"
    assert [user["id"] for user in page.json()] == [
        user["id"] for user in listed.json() if user["id"] > ann.id
    ][:1]


@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/admin/users"), ("GET", "/admin/users/1"), ("PATCH", "/admin/users/1")],
)
async def test_users_may_not_administer(
    anonymous: httpx.AsyncClient, ann: Account, method: str, path: str
) -> None:
    response = await anonymous.request(method, path, json={"role": "admin"}, headers=ann.headers)

    assert response.status_code == 403
    assert 'scope="users:manage"' in response.headers["www-authenticate"]


@pytest.mark.points(2)
async def test_a_promoted_user_becomes_admin_after_logging_in_again(
    anonymous: httpx.AsyncClient, admin: Account, ann: Account
) -> None:
    response = await anonymous.patch(
        f"/admin/users/{ann.id}", json={"role": "admin"}, headers=admin.headers
    )
    assert response.json()["role"] == "admin"

    # Her token asked for what her role had then; a new login carries the admin scope.
    assert (await anonymous.get("/admin/users", headers=ann.headers)).status_code == 403
    token = (await login(anonymous, ann.email)).json()["access_token"]
    listed = await anonymous.get("/admin/users", headers={"Authorization": f"Bearer {token}"})
    assert listed.status_code == 200


@pytest.mark.points(2)
async def test_a_demoted_admin_loses_the_rights_at_once(
    anonymous: httpx.AsyncClient, admin: Account, db_connection: object
) -> None:
    other = await anonymous.post(
        "/auth/register",
        json={"email": "second@example.com", "password": "plum kettle orbit sandal"},
    )
    second_id = other.json()["id"]
    await anonymous.patch(
        f"/admin/users/{second_id}", json={"role": "admin"}, headers=admin.headers
    )
    second = (await login(anonymous, "second@example.com")).json()["access_token"]
    second_headers = {"Authorization": f"Bearer {second}"}

    demoted = await anonymous.patch(
        f"/admin/users/{admin.id}", json={"role": "user"}, headers=second_headers
    )

    assert demoted.status_code == 200
    # The token still says users:manage; the role, read from the database, no longer allows it.
    assert (await anonymous.get("/admin/users", headers=admin.headers)).status_code == 403


@pytest.mark.points(2)
@pytest.mark.parametrize("change", [{"role": "user"}, {"is_active": False}])
async def test_admins_cannot_lock_themselves_out(
    anonymous: httpx.AsyncClient, admin: Account, change: dict[str, object]
) -> None:
    response = await anonymous.patch(f"/admin/users/{admin.id}", json=change, headers=admin.headers)

    assert response.status_code == 409
    assert (await anonymous.get("/admin/users", headers=admin.headers)).status_code == 200


@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/admin/users/2147483647", {"role": "admin"}, 404),
        ("/admin/users/2147483648", {"role": "admin"}, 422),
        ("/admin/users/1", {"role": "superuser"}, 422),
        ("/admin/users/1", {"is_active": "no"}, 422),
        ("/admin/users/1", {"password_hash": "x"}, 422),
    ],
)
async def test_bad_admin_requests(
    anonymous: httpx.AsyncClient, admin: Account, path: str, body: dict[str, object], status: int
) -> None:
    response = await anonymous.patch(path, json=body, headers=admin.headers)
    assert response.status_code == status, response.text
