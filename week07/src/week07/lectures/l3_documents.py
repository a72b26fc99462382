"""L3: when relational is not the answer - documents, and JSONB as the in-PostgreSQL document store.

A *document store* (MongoDB, Couchbase, Firestore) keeps each record as a self-contained nested
document (JSON/BSON) in a *collection*; documents in one collection may differ in shape. It
shines when the data is read and written as a whole (a product with its variable attributes, a
form submission, a CMS page, an event payload) and the shape changes often or differs per record.
It is weaker where relational shines: joins across entities, constraints, multi-row transactions
(MongoDB has them since 4.0, at a cost), ad-hoc reporting.

Before adding a second database, try PostgreSQL's ``jsonb``: a binary JSON column you can query
(``@>`` containment, ``->``/``->>`` paths, ``jsonb_path_query``), index (GIN; or a B-tree on one
expression like ``(body->>'sku')``) and update in place (``jsonb_set``), next to normal columns in
the same transaction. Keep what every record has and what you join or constrain on as columns;
put the variable rest in ``jsonb``.

Run: ``uv run python -m week07.lectures.l3_documents``
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from testkit.db import explain, plan_nodes
from week07.lectures.demo_db import demo_database, scratch_engine
from week07.lectures.events_db import run_script

# Products of different kinds: a shirt has sizes, a laptop has specs. One table, no EAV mess.
SCHEMA = """
CREATE TABLE products (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL UNIQUE,                -- what every product has: a column
    body jsonb NOT NULL                      -- what varies: a document
)
"""
# jsonb_path_ops: a smaller, faster GIN index that serves @> only (the default jsonb_ops also
# serves the key-exists operators ?, ?| and ?&).
INDEX = "CREATE INDEX ix_products_body ON products USING gin (body jsonb_path_ops)"

DOCUMENTS: list[dict[str, Any]] = [
    {"sku": "TS-1", "body": {"type": "shirt", "name": "Logo tee", "sizes": ["S", "M", "L"],
                             "price": 19}},
    {"sku": "LP-1", "body": {"type": "laptop", "name": "Dev laptop", "price": 1499,
                             "specs": {"ram_gb": 32, "cpu": "8 cores"}}},
    {"sku": "LP-2", "body": {"type": "laptop", "name": "Travel laptop", "price": 999,
                             "specs": {"ram_gb": 16, "cpu": "4 cores"}}},
]  # fmt: skip


async def setup(engine: AsyncEngine, filler: int = 3_000) -> None:
    """The three documents, plus ``filler`` others so that the index is worth using."""
    async with engine.begin() as conn:
        await run_script(conn, SCHEMA)
        for doc in DOCUMENTS:
            await conn.execute(
                text("INSERT INTO products (sku, body) VALUES (:sku, CAST(:body AS jsonb))"),
                {"sku": doc["sku"], "body": json.dumps(doc["body"])},
            )
        await conn.execute(
            text(
                "INSERT INTO products (sku, body) SELECT 'MUG-' || i,"
                " jsonb_build_object('type', 'mug', 'name', 'Mug ' || i, 'price', 5 + i % 20)"
                " FROM generate_series(1, :n) AS i"
            ),
            {"n": filler},
        )
        # Index after the bulk load: one build is faster than thousands of index updates, and a
        # GIN index filled row by row keeps new entries in a "pending list" until VACUUM, which
        # makes the planner shy away from it.
        await conn.execute(text(INDEX))
        await conn.execute(text("ANALYZE products"))


CONTAINS = "SELECT sku FROM products WHERE body @> CAST(:match AS jsonb) ORDER BY sku"


async def find(conn: AsyncConnection, match: dict[str, Any]) -> list[str]:
    """Documents that contain ``match`` (a sub-document): served by the GIN index."""
    result = await conn.execute(text(CONTAINS), {"match": json.dumps(match)})
    return list(result.scalars())


async def contains_plan_indexes(conn: AsyncConnection, match: dict[str, Any]) -> set[str]:
    sql = CONTAINS.replace(":match", "'" + json.dumps(match).replace("'", "''") + "'")
    plan = await explain(conn, sql)
    return {str(node["Index Name"]) for node in plan_nodes(plan) if "Index Name" in node}


async def laptops_with_ram(conn: AsyncConnection, at_least_gb: int) -> list[tuple[str, int]]:
    """Paths: ``->`` gives jsonb, ``->>`` gives text; cast to compare as numbers."""
    result = await conn.execute(
        text(
            "SELECT body->>'name', (body->'specs'->>'ram_gb')::int FROM products"
            " WHERE body->>'type' = 'laptop' AND (body->'specs'->>'ram_gb')::int >= :gb"
            " ORDER BY 2 DESC"
        ),
        {"gb": at_least_gb},
    )
    return [(name, ram) for name, ram in result]


async def set_price(conn: AsyncConnection, sku: str, price: int) -> dict[str, Any]:
    """Change one field inside the document, in place, atomically."""
    result = await conn.execute(
        text(
            "UPDATE products SET body = jsonb_set(body, '{price}', to_jsonb(CAST(:price AS int)))"
            " WHERE sku = :sku RETURNING body"
        ),
        {"sku": sku, "price": price},
    )
    body: dict[str, Any] = result.scalar_one()
    return body


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await setup(engine)
        async with engine.begin() as conn:
            print("laptops:", await find(conn, {"type": "laptop"}))
            print("in size M:", await find(conn, {"sizes": ["M"]}))
            print("plan uses:", await contains_plan_indexes(conn, {"type": "laptop"}))
            print(">= 32 GB RAM:", await laptops_with_ram(conn, 32))
            print("new price:", await set_price(conn, "TS-1", 17))


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
