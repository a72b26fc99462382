"""L3: protected endpoints: who is calling (``get_current_user``) and what they may do (RBAC, scopes).

- ``OAuth2PasswordBearer(tokenUrl=...)`` is a dependency that reads ``Authorization: Bearer <t>``
  (401 with ``WWW-Authenticate: Bearer`` when it is missing) and tells the OpenAPI document where
  to log in, so ``/docs`` gets an "Authorize" button. It does not check the token: you do.
- ``get_current_user`` decodes the token and loads the user **from the database** on every
  request: a deactivated user or a changed role counts at once, not when the token expires.
- **Roles** name a set of **permissions**; endpoints require permissions, not roles, so a new
  role is a new row in a table, not an edit of every endpoint.
- **OAuth2 scopes** narrow one token further: a client may ask for ``notes:read`` only (a
  read-only integration). ``Security(dependency, scopes=[...])`` declares what an endpoint needs;
  the dependency sees them all in ``SecurityScopes`` and answers 403 (``insufficient_scope``)
  when the token or the user's role lacks one.
- **Optional authentication**: ``auto_error=False`` makes a missing token ``None``, for public
  endpoints that personalise when a token is present (a bad token is still a 401).

Run: ``uv run python -m week09.lectures.l3_rbac``
"""

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

import httpx
import jwt
from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

SECRET = "lecture-secret-of-at-least-32-bytes!"  # noqa: S105 - a demo value
PERMISSIONS = {  # role -> what it may do; the scopes a token can carry are these names
    "reader": {"notes:read"},
    "editor": {"notes:read", "notes:write"},
    "admin": {"notes:read", "notes:write", "users:manage"},
}
SCOPES = {
    "notes:read": "Read notes",
    "notes:write": "Create and change notes",
    "users:manage": "Manage users (admins)",
}
hasher = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=8 * 1024, parallelism=1),))


@dataclass
class User:
    name: str
    role: str
    password_hash: str
    active: bool = True


def demo_users() -> dict[str, User]:
    """The "database": a dict here, a table in the project."""
    return {
        name: User(name, role, hasher.hash(f"{name}-password-long-enough"))
        for name, role in (("rita", "reader"), ("ed", "editor"), ("ada", "admin"))
    }


oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes=SCOPES)
maybe_oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes=SCOPES, auto_error=False)


def make_app(users: dict[str, User]) -> FastAPI:
    app = FastAPI()

    def unauthorized(detail: str) -> HTTPException:
        return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})

    def user_from(token: str) -> tuple[User, set[str]]:
        """The token's user, loaded now, and the scopes the token grants."""
        try:
            payload = jwt.decode(token, SECRET, algorithms=["HS256"], options={"require": ["exp"]})
        except jwt.PyJWTError:
            raise unauthorized("Invalid or expired token") from None
        user = users.get(payload.get("sub", ""))
        if user is None or not user.active:
            raise unauthorized("Invalid or expired token")  # no hint about which one
        return user, set(payload.get("scope", "").split())

    async def get_current_user(
        required: SecurityScopes, token: Annotated[str, Depends(oauth2)]
    ) -> User:
        user, granted = user_from(token)
        allowed = granted & PERMISSIONS[user.role]  # a demoted user loses rights at once
        if missing := set(required.scopes) - allowed:
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"Missing permission: {', '.join(sorted(missing))}",
                headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", '
                         f'scope="{required.scope_str}"'},
            )  # fmt: skip
        return user

    async def get_optional_user(
        token: Annotated[str | None, Depends(maybe_oauth2)],
    ) -> User | None:
        return None if token is None else user_from(token)[0]

    @app.post("/token")
    async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> dict[str, str]:
        """The OAuth2 password flow: form fields ``username``, ``password``, ``scope``."""
        user = users.get(form.username)
        if user is None or not hasher.verify(form.password, user.password_hash):
            raise unauthorized("Incorrect username or password")
        # Grant what was asked for and the role allows; nothing asked: everything allowed.
        scopes = (
            set(form.scopes) & PERMISSIONS[user.role] if form.scopes else PERMISSIONS[user.role]
        )
        claims = {"sub": user.name, "scope": " ".join(sorted(scopes)),
                  "exp": datetime.now(UTC) + timedelta(minutes=15)}  # fmt: skip
        return {"access_token": jwt.encode(claims, SECRET), "token_type": "bearer"}

    @app.get("/notes")
    async def read_notes(
        user: Annotated[User, Security(get_current_user, scopes=["notes:read"])],
    ) -> list[str]:
        return [f"a note for {user.name}"]

    @app.post("/notes", status_code=201)
    async def write_note(
        user: Annotated[User, Security(get_current_user, scopes=["notes:write"])],
    ) -> dict[str, str]:
        return {"author": user.name}

    # Admin-only: one dependency that every admin endpoint shares.
    AdminUser = Annotated[User, Security(get_current_user, scopes=["users:manage"])]

    @app.post("/users/{name}/deactivate")
    async def deactivate(name: str, admin: AdminUser) -> dict[str, str]:
        users[name].active = False
        return {"deactivated": name, "by": admin.name}

    @app.get("/greeting")
    async def greeting(user: Annotated[User | None, Depends(get_optional_user)]) -> str:
        return f"Hello, {user.name}!" if user else "Hello, stranger! Log in to see your notes."

    return app


async def token(client: httpx.AsyncClient, name: str, scope: str = "") -> str:
    form = {"username": name, "password": f"{name}-password-long-enough", "scope": scope}
    response = await client.post("/token", data=form)
    return str(response.json()["access_token"])


async def demo() -> list[str]:
    users = demo_users()
    transport = httpx.ASGITransport(app=make_app(users))
    lines = []
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:

        async def call(label: str, method: str, url: str, bearer: str | None = None) -> None:
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
            response = await client.request(method, url, headers=headers)
            lines.append(f"{label:>34}: {response.status_code} {response.json()}")

        rita, ed, ada = [await token(client, name) for name in ("rita", "ed", "ada")]
        ed_read_only = await token(client, "ed", scope="notes:read")
        await call("no token", "GET", "/notes")
        await call("rita (reader) reads", "GET", "/notes", rita)
        await call("rita (reader) writes", "POST", "/notes", rita)
        await call("ed (editor) writes", "POST", "/notes", ed)
        await call("ed, read-only token, writes", "POST", "/notes", ed_read_only)
        await call("ed deactivates rita", "POST", "/users/rita/deactivate", ed)
        await call("ada (admin) deactivates rita", "POST", "/users/rita/deactivate", ada)
        await call("rita's old token, now", "GET", "/notes", rita)
        await call("greeting, anonymous", "GET", "/greeting")
        await call("greeting, ed", "GET", "/greeting", ed)
    return lines


def main() -> None:
    print("\n".join(asyncio.run(demo())))


if __name__ == "__main__":
    main()
