"""L4: SQL injection: a query built from strings, the attack, and the fix (parameters, the ORM).

Building SQL by pasting input into it lets the input *change the query*: the e-mail
``x' OR '1'='1`` turns "the user with this e-mail" into "every user", and
``x' UNION SELECT ...`` appends a query of the attacker's choice (here: every password hash).

The fix is to never let data become SQL text: send the query with **placeholders** and the
values separately (``text("... WHERE email = :email")`` with ``{"email": value}``; asyncpg sends
them as bind parameters, PostgreSQL never parses them as SQL). SQLAlchemy's ``select()`` and the
ORM always do this. What cannot be a parameter (a column name in ``ORDER BY``, a table name) comes
from an **allowlist** the code owns, never from the request.

Run: ``uv run python -m week09.lectures.l4_sql_injection`` (``DATABASE_URL``, else a throwaway
PostgreSQL).
"""

from __future__ import annotations

import asyncio

from sqlalchemy import String, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .demo_db import demo_database, scratch_engine

ATTACKS = {
    "a real e-mail": "ann@example.com",
    "always true": "x' OR '1'='1",
    "union": "x' UNION SELECT email, password_hash FROM users --",
}
SORTABLE = {"email": "email", "newest": "id DESC"}  # request value -> SQL the code wrote


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))


async def setup(conn: AsyncConnection) -> None:
    await conn.run_sync(Base.metadata.create_all)
    await conn.execute(
        text("INSERT INTO users (email, role, password_hash) VALUES (:e, :r, :h)"),
        [
            {"e": "ann@example.com", "r": "user", "h": "$argon2id$v=19$m=65536,t=3,p=4$annsalt$a1"},
            {"e": "root@example.com", "r": "admin", "h": "$argon2id$v=19$m=65536,t=3,p=4$rootsalt$r1"},
        ],
    )  # fmt: skip


async def find_unsafe(conn: AsyncConnection, email: str) -> list[tuple[str, str]]:
    """VULNERABLE: the e-mail is pasted into the SQL text."""
    query = f"SELECT email, role FROM users WHERE email = '{email}'"  # noqa: S608 - the lesson
    return sorted((row[0], row[1]) for row in await conn.execute(text(query)))


async def find_with_parameter(conn: AsyncConnection, email: str) -> list[tuple[str, str]]:
    """Safe: a placeholder in the SQL, the value sent beside it."""
    query = text("SELECT email, role FROM users WHERE email = :email")
    return [(row[0], row[1]) for row in await conn.execute(query, {"email": email})]


async def find_with_orm(conn: AsyncConnection, email: str) -> list[tuple[str, str]]:
    """Safe: SQLAlchemy's select() binds every value it is given."""
    query = select(User.email, User.role).where(User.email == email)
    return [(row[0], row[1]) for row in await conn.execute(query)]


async def emails_sorted(conn: AsyncConnection, sort: str) -> list[str]:
    """An identifier cannot be a parameter: map the request's value through an allowlist."""
    order_by = SORTABLE.get(sort)
    if order_by is None:
        raise ValueError(f"sort must be one of {sorted(SORTABLE)}")
    query = text(f"SELECT email FROM users ORDER BY {order_by}")  # noqa: S608 - allowlisted
    return list((await conn.execute(query)).scalars())


async def demo(engine: AsyncEngine) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """For each attack, what each of the three lookups returns."""
    finders = {"unsafe": find_unsafe, "parameter": find_with_parameter, "orm": find_with_orm}
    async with engine.begin() as conn:
        await setup(conn)
        return {
            name: {kind: await find(conn, value) for kind, find in finders.items()}
            for name, value in ATTACKS.items()
        }


async def run(url: str) -> None:
    async with scratch_engine(url) as engine:
        for attack, results in (await demo(engine)).items():
            print(f"{attack}: {ATTACKS[attack]!r}")
            for kind, rows in results.items():
                print(f"  {kind:>9}: {rows}")
        async with engine.connect() as conn:
            print(f"sort=newest: {await emails_sorted(conn, 'newest')}")
            try:
                await emails_sorted(conn, "email; DROP TABLE users")
            except ValueError as exc:
                print(f"sort='email; DROP TABLE users': refused, {exc}")
    select_sql = select(User.email).where(User.email == ATTACKS["always true"])
    print(f"what select() sends: {str(select_sql).replace(chr(10), ' ')}")


def main() -> None:
    with demo_database() as url:
        asyncio.run(run(url))


if __name__ == "__main__":
    main()
