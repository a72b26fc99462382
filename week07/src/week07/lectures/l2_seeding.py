"""L2: seeding a database for development, and fixtures.

Seed data lets a developer (and ``make run``) start the app with something to click on. A good
seed is:

- **Idempotent**: running it twice changes nothing. Insert with a natural key and
  ``ON CONFLICT DO NOTHING`` (or check first), so it is safe in a start-up script.
- **Deterministic**: a ``random.Random(seed)`` of its own (never the global one) gives the same
  data on every machine, so "task 17 of the demo data" means the same thing to everyone, and
  performance numbers can be compared between runs.
- **Realistic in size and shape** when it is for performance work: 20 rows hide every missing
  index; 100,000 rows with a realistic spread (most tasks done, a few high priority) do not.
- **Fast**: bulk INSERT (lecture ``l2_bulk``) or ``INSERT ... SELECT generate_series(...)``.

Seeds are not test fixtures: tests build exactly the rows they need (factories, per-test
transactions rolled back), so no test depends on shared demo data.

Run: ``uv run python -m week07.lectures.l2_seeding``
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from week07.lectures.demo_db import demo_database, scratch_engine

TABLES = [
    "CREATE TABLE IF NOT EXISTS customers (email text PRIMARY KEY, name text NOT NULL,"
    " plan text NOT NULL)",
]
PLANS = ["free", "free", "free", "team", "enterprise"]  # most customers are on the free plan
FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia"]
LAST = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"]


def fake_customers(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """The same ``count`` customers for the same ``seed``, everywhere."""
    rng = random.Random(seed)  # noqa: S311 (demo data, not security)
    customers = []
    for i in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        customers.append({
            "email": f"{first}.{last}.{i}@example.com".lower(),
            "name": f"{first} {last}",
            "plan": rng.choice(PLANS),
        })  # fmt: skip
    return customers


async def seed(conn: AsyncConnection, count: int = 500, seed: int = 7) -> int:
    """Create the tables if needed and insert the demo customers; returns rows really added."""
    for statement in TABLES:
        await conn.execute(text(statement))
    customers = fake_customers(count, seed)
    result = await conn.execute(
        text(
            "INSERT INTO customers (email, name, plan)"
            " SELECT * FROM unnest(CAST(:emails AS text[]), CAST(:names AS text[]),"
            " CAST(:plans AS text[]))"
            " ON CONFLICT (email) DO NOTHING"
        ),
        {
            # unnest of three arrays: one statement, one round trip, any number of rows.
            "emails": [c["email"] for c in customers],
            "names": [c["name"] for c in customers],
            "plans": [c["plan"] for c in customers],
        },
    )
    return result.rowcount


async def plan_counts(conn: AsyncConnection) -> dict[str, int]:
    query = text("SELECT plan, count(*) FROM customers GROUP BY plan ORDER BY plan")
    return dict((await conn.execute(query)).all())


async def run_seed(engine: AsyncEngine, count: int = 500) -> int:
    async with engine.begin() as conn:
        return await seed(conn, count)


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        print("first run added:", await run_seed(engine))
        print("second run added:", await run_seed(engine), "(idempotent)")
        async with engine.connect() as conn:
            print("customers per plan:", await plan_counts(conn))
        print("first three:", [c["name"] for c in fake_customers(3)])


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
