"""L1: designing indexes - composite column order, partial and expression indexes, index-only scans.

**Composite indexes: column order matters.** An index on ``(user_id, created_at)`` is sorted by
``user_id``, then by ``created_at`` within each user, like a phone book sorted by last name, then
first name. It serves ``WHERE user_id = ?``, ``WHERE user_id = ? AND created_at > ?`` and
``WHERE user_id = ? ORDER BY created_at DESC LIMIT 10`` (no sort: read the index backwards). It
cannot serve ``WHERE created_at > ?`` alone, as a phone book cannot find every "Anna". Rule of
thumb: equality columns first, then the range or ORDER BY column. (PostgreSQL 18 can "skip scan"
a leading column with few distinct values; with many, as here, it still cannot.)

**Partial indexes** index only the rows a ``WHERE`` selects: a work queue's 1% unprocessed rows
get a tiny index that stays hot in memory. A query can use it only if its own ``WHERE`` implies
the index's predicate.

**Expression indexes** index a computed value: ``lower(email)`` for case-insensitive lookups.
The query must use the very same expression; ``WHERE email = ...`` cannot use it.

**Index-only scans** answer from the index alone when it holds every column the query needs.
PostgreSQL must still know the row is visible to the transaction: the *visibility map* marks
pages whose rows are all visible to everyone, and only VACUUM sets those bits. On a fresh table
the planner expects heap visits and picks another plan; after VACUUM the index-only scan reports
``Heap Fetches: 0``; a later UPDATE clears its page's bit and costs a heap fetch again. Keep
autovacuum on in production; add columns to an index with ``INCLUDE (...)`` to make it cover.

Run: ``uv run python -m week07.lectures.l1_index_design``
"""

from __future__ import annotations

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from week07.lectures.demo_db import demo_database, scratch_engine
from week07.lectures.events_db import create_events, vacuum_analyze
from week07.lectures.l1_explain import Plan, describe, explain

COMPOSITE = "CREATE INDEX ix_events_user_created ON events (user_id, created_at)"
LATEST_OF_USER = "SELECT * FROM events WHERE user_id = 7 ORDER BY created_at DESC LIMIT 10"
BY_DAY_ONLY = "SELECT * FROM events WHERE created_at >= '2026-01-10' AND created_at < '2026-01-11'"

PARTIAL = "CREATE INDEX ix_events_unprocessed ON events (created_at) WHERE processed_at IS NULL"
NEXT_UNPROCESSED = "SELECT * FROM events WHERE processed_at IS NULL ORDER BY created_at LIMIT 10"

EXPRESSION = "CREATE INDEX ix_users_email_lower ON users (lower(email))"
BY_EMAIL_ANY_CASE = "SELECT * FROM users WHERE lower(email) = lower('USER77@example.com')"
BY_EMAIL_EXACT = "SELECT * FROM users WHERE email = 'User77@Example.com'"

# Every column it needs is in ix_events_user_created: an index-only scan is possible.
TIMES_OF_USER = "SELECT created_at FROM events WHERE user_id = 7 ORDER BY created_at"
INDEXES = (COMPOSITE, PARTIAL, EXPRESSION)


async def index_size(conn: AsyncConnection, name: str) -> int:
    """Bytes on disk of an index."""
    size = await conn.execute(text("SELECT pg_relation_size(to_regclass(:name))"), {"name": name})
    return int(size.scalar_one())


async def partial_and_full_sizes(conn: AsyncConnection) -> tuple[int, int]:
    """Bytes of the partial index and of a full index on the same column (built, measured and
    rolled back: PostgreSQL's DDL is transactional)."""
    savepoint = await conn.begin_nested()
    await conn.execute(text("CREATE INDEX ix_events_created_at ON events (created_at)"))
    sizes = (
        await index_size(conn, "ix_events_unprocessed"),
        await index_size(conn, "ix_events_created_at"),
    )
    await savepoint.rollback()
    return sizes


async def heap_fetches(conn: AsyncConnection, sql: str) -> tuple[str, int | None]:
    """The scan node of an executed plan and its ``Heap Fetches`` (index-only scans only)."""
    plan: Plan = await explain(conn, sql, analyze=True)
    scan = plan if "Plans" not in plan else plan["Plans"][-1]
    return scan["Node Type"], scan.get("Heap Fetches")


async def visibility_story(engine: AsyncEngine) -> list[tuple[str, int | None]]:
    """The covered query's scan before VACUUM, after it, and after one UPDATE."""
    async with engine.begin() as conn:
        await conn.execute(text("SET LOCAL synchronous_commit = on"))  # see events_db.py
        await conn.execute(text("CREATE TABLE fresh (LIKE events INCLUDING ALL)"))
        await conn.execute(text("INSERT INTO fresh OVERRIDING SYSTEM VALUE SELECT * FROM events"))
        await conn.execute(text("ANALYZE fresh"))  # statistics, but no visibility map yet
    query = TIMES_OF_USER.replace("events", "fresh")
    async with engine.connect() as conn:
        story = [await heap_fetches(conn, query)]
    await vacuum_analyze(engine, "fresh")
    async with engine.begin() as conn:
        story.append(await heap_fetches(conn, query))
        # A new row version on some page of user 7's rows: that page is no longer all-visible.
        await conn.execute(
            text(
                "UPDATE fresh SET kind = 'edited' WHERE id = (SELECT min(id) FROM fresh WHERE user_id = 7)"
            )
        )
    async with engine.begin() as conn:
        story.append(await heap_fetches(conn, query))
        await conn.execute(text("DROP TABLE fresh"))
    return story


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await create_events(engine, *INDEXES)
        async with engine.connect() as conn:
            for title, sql in [
                ("composite, leading column", LATEST_OF_USER),
                ("composite, second column only", BY_DAY_ONLY),
                ("partial", NEXT_UNPROCESSED),
                ("expression", BY_EMAIL_ANY_CASE),
                ("expression, other expression", BY_EMAIL_EXACT),
            ]:
                print(f"{title}: {sql}", *describe(await explain(conn, sql)), "", sep="\n")
            partial, full = await partial_and_full_sizes(conn)
            print(f"partial index {partial} bytes, full index {full} bytes\n")
        for moment, (node, fetches) in zip(
            ["fresh table", "after VACUUM", "after an UPDATE"],
            await visibility_story(engine),
            strict=True,
        ):
            print(f"{moment}: {node}, heap fetches {fetches}")


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
