"""Lecture 1's dataset: users and their events, big enough that plans are worth reading.

20,000 events of 200 active users (among 5,000 users) over two weeks, built by SQL in a fraction
of a second (``generate_series``: no Python loop, no round trip per row). The values are a pure
function of the row number, so every run plans the same way.

``autovacuum_enabled = off`` keeps the background autovacuum from changing the table under a demo
(the index-only scan lecture VACUUMs at a moment of its choosing).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

TABLES = """
CREATE TABLE users (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL
);
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id int NOT NULL REFERENCES users (id),
    kind text NOT NULL,
    token text NOT NULL,                -- an opaque key looked up by equality only
    tags text[] NOT NULL,               -- searched by "contains these tags"
    created_at timestamptz NOT NULL,
    processed_at timestamptz,           -- NULL: still in the work queue (1 event in 100)
    active_during tstzrange NOT NULL    -- searched by "overlaps this interval"
) WITH (autovacuum_enabled = off)
"""

SEED = """
INSERT INTO users (email, name)
SELECT 'User' || i || '@Example.com', 'User ' || i FROM generate_series(1, :users) AS i;

INSERT INTO events (user_id, kind, token, tags, created_at, processed_at, active_during)
SELECT 1 + (i * 7919) % 200,
       (ARRAY['click', 'view', 'signup', 'purchase', 'logout'])[1 + i % 5],
       md5(i::text),
       ARRAY['tag' || i % 50, 'tag' || (i * 13) % 50],
       timestamptz '2026-01-01' + i * interval '1 minute',
       CASE WHEN i % 100 <> 0 THEN timestamptz '2026-01-01' + i * interval '1 minute' END,
       tstzrange(timestamptz '2026-01-01' + i * interval '1 minute',
                 timestamptz '2026-01-01' + (i + 1 + i % 120) * interval '1 minute')
FROM generate_series(1, :events) AS i
"""


async def run_script(conn: AsyncConnection, script: str, **params: int) -> None:
    """Run ``;``-separated statements (asyncpg runs one statement per ``execute``)."""
    for statement in script.split(";\n"):
        if statement.strip():
            await conn.execute(text(statement), params)


async def create_events(engine: AsyncEngine, *indexes: str, events: int = 20_000) -> None:
    """Tables, rows, the given ``CREATE INDEX`` statements, fresh statistics, a VACUUM."""
    async with engine.begin() as conn:
        # A server may run with synchronous_commit=off; VACUUM cannot mark a page all-visible while
        # the commit that inserted its rows may still be lost, so this commit waits for its WAL.
        await conn.execute(text("SET LOCAL synchronous_commit = on"))
        await run_script(conn, TABLES)
        await run_script(conn, SEED, users=5_000, events=events)
        await run_script(conn, ";\n".join(indexes))
    await vacuum_analyze(engine)


async def vacuum_analyze(engine: AsyncEngine, table: str = "") -> None:
    """``VACUUM ANALYZE``: statistics for the planner, and the visibility map (index-only scans).
    VACUUM cannot run inside a transaction block, hence AUTOCOMMIT."""
    async with engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text(f"VACUUM ANALYZE {table}"))
