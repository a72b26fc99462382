"""L4: input validation as a security control: refuse what you did not ask for.

Most attacks arrive as input the code did not expect. Pydantic models at the edge refuse it
before any code runs, and response models decide what leaves:

- ``extra="forbid"``: a registration body with ``"role": "admin"`` is a 422, not a quiet
  privilege escalation ("mass assignment", OWASP API3:2023);
- bounds on everything: string lengths (an 1 MB "name" fills your disk and your logs), ids within
  the column's range (``le=2**31 - 1``: PostgreSQL would raise on a bigger one), list sizes;
- strict types where coercion would surprise: ``"1"`` is not a boolean flag;
- characters the database cannot store (NUL) are refused at the edge, never a 500;
- a response model lists what is public: the ORM row has ``password_hash``, the response has not.

Run: ``uv run python -m week09.lectures.l4_validation``
"""

import asyncio
from typing import Annotated, Any

import httpx
from fastapi import FastAPI, Path
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool


def no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(no_nul)]


class Registration(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    email: Annotated[Text, Field(max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    password: Annotated[Text, Field(min_length=15, max_length=128)]
    display_name: Annotated[Text, Field(min_length=1, max_length=50)]
    newsletter: StrictBool = False


class UserRead(BaseModel):
    """What a client may see: no ``password_hash``, no ``role`` it could try to set."""

    id: int
    email: str
    display_name: str


def make_app() -> FastAPI:
    app = FastAPI()
    stored: dict[int, dict[str, Any]] = {}

    @app.post("/users", status_code=201)
    async def register(data: Registration) -> UserRead:
        row = data.model_dump() | {
            "id": len(stored) + 1,
            "password_hash": "$argon2id$...",
            "role": "user",
        }
        stored[row["id"]] = row
        return UserRead.model_validate(row)  # the row has more; only UserRead's fields leave

    @app.get("/users/{user_id}")
    async def get_user(user_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> UserRead:
        return UserRead.model_validate(stored[user_id])

    return app


GOOD = {"email": "ann@example.com", "password": "four words are enough", "display_name": "Ann"}
CASES: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "valid registration": ("POST", "/users", GOOD),
    "role smuggled in": ("POST", "/users", GOOD | {"role": "admin"}),
    "huge display name": ("POST", "/users", GOOD | {"display_name": "A" * 1_000_000}),
    "NUL in the name": ("POST", "/users", GOOD | {"display_name": "Ann\x00"}),
    '"yes" as a boolean': ("POST", "/users", GOOD | {"newsletter": "yes"}),
    "id beyond the column": ("GET", "/users/9999999999", None),
    "the user, read back": ("GET", "/users/1", None),
}


async def demo() -> dict[str, str]:
    results = {}
    transport = httpx.ASGITransport(app=make_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        for name, (method, url, body) in CASES.items():
            response = await client.request(method, url, json=body)
            detail = response.json()
            if response.status_code == 422:
                detail = [error["type"] for error in detail["detail"]]
            results[name] = f"{response.status_code} {detail}"
    return results


def main() -> None:
    for name, result in asyncio.run(demo()).items():
        print(f"{name:>22}: {result}")


if __name__ == "__main__":
    main()
