"""L1: index types - B-tree, Hash, GIN, GiST - and when to use each.

- **B-tree** (the default): sorted keys. Serves ``=``, ``<``, ``>``, ``BETWEEN``, ``IN``,
  ``ORDER BY`` and ``IS NULL``. Use it unless you have a reason not to. ``LIKE 'prefix%'`` only
  when it compares bytewise: under the C collation, or declared with ``text_pattern_ops``.
- **Hash**: a hash of the key. Serves ``=`` only (no ranges, no ordering, no uniqueness), can be
  smaller than a B-tree for long keys (tokens, URLs). Crash-safe since PostgreSQL 10.
- **GIN** (generalized inverted index): one entry per *element* -> the rows containing it. For
  values with many parts: arrays (``@>`` contains, ``&&`` overlaps), ``jsonb`` (``@>``, ``?``),
  full-text ``tsvector``, trigrams (``pg_trgm``). Fast reads, slower writes.
- **GiST** (generalized search tree): a balanced tree of bounding "regions". For values that
  overlap or are near each other: ranges (``&&`` overlaps, ``@>`` contains), geometry and
  PostGIS, nearest-neighbour ``ORDER BY point <-> point``, and exclusion constraints ("no two
  bookings of a room overlap").

Each query below is planned on lecture 1's dataset; the tests assert the plan node and the index.
GIN and GiST usually answer through a *Bitmap Index Scan*: they find matching row positions,
and a Bitmap Heap Scan then reads those pages in physical order.

Run: ``uv run python -m week07.lectures.l1_index_types``
"""

from __future__ import annotations

import asyncio
from typing import NamedTuple

from sqlalchemy.ext.asyncio import AsyncEngine

from week07.lectures.demo_db import demo_database, scratch_engine
from week07.lectures.events_db import create_events, run_script
from week07.lectures.l1_explain import Plan, describe, explain


class IndexExample(NamedTuple):
    index_name: str
    ddl: str
    query: str


BTREE = IndexExample(
    "ix_events_created_at",
    "CREATE INDEX ix_events_created_at ON events (created_at)",  # USING btree is the default
    "SELECT * FROM events WHERE created_at >= '2026-01-10' AND created_at < '2026-01-10 02:00'",
)
HASH = IndexExample(
    "ix_events_token_hash",
    "CREATE INDEX ix_events_token_hash ON events USING hash (token)",
    "SELECT * FROM events WHERE token = md5('777')",
)
GIN = IndexExample(
    "ix_events_tags_gin",
    "CREATE INDEX ix_events_tags_gin ON events USING gin (tags)",
    "SELECT * FROM events WHERE tags @> ARRAY['tag7', 'tag41']",
)
GIST = IndexExample(
    "ix_events_active_during_gist",
    "CREATE INDEX ix_events_active_during_gist ON events USING gist (active_during)",
    "SELECT * FROM events WHERE active_during && tstzrange('2026-01-10 00:00', '2026-01-10 00:30')",
)
EXAMPLES = (BTREE, HASH, GIN, GIST)

# What a hash index cannot do: a range over the hashed column falls back to reading the table.
HASH_CANNOT_RANGE = "SELECT * FROM events WHERE token > 'fff'"


# Prefix LIKE. Under the C collation (the course's throwaway databases) a plain B-tree serves
# LIKE 'abc%'. Most production databases use a linguistic collation (en_US.UTF-8, ICU) that sorts
# for people, not by bytes: there it cannot, and an index with text_pattern_ops (bytewise) can.
# The contacts table asks for a linguistic collation, so the demo shows what production does.
CONTACTS = """
CREATE COLLATION linguistic (provider = icu, locale = 'und');
CREATE TABLE contacts (email text COLLATE linguistic NOT NULL);
INSERT INTO contacts SELECT 'user' || i || '@example.com' FROM generate_series(1, 20000) AS i;
CREATE INDEX ix_contacts_email ON contacts (email);
ANALYZE contacts
"""
PATTERN_OPS = IndexExample(
    "ix_contacts_email_pattern",
    "CREATE INDEX ix_contacts_email_pattern ON contacts (email text_pattern_ops)",
    "SELECT * FROM contacts WHERE email LIKE 'user123%'",
)


async def prefix_like_plans(engine: AsyncEngine) -> tuple[Plan, Plan]:
    """The prefix LIKE's plan with the plain B-tree only, then with the text_pattern_ops one."""
    async with engine.begin() as conn:
        await run_script(conn, CONTACTS)
        plain = await explain(conn, PATTERN_OPS.query)
        await conn.exec_driver_sql(PATTERN_OPS.ddl)
        await conn.exec_driver_sql("ANALYZE contacts")
        return plain, await explain(conn, PATTERN_OPS.query)


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await create_events(engine, *(example.ddl for example in EXAMPLES))
        async with engine.connect() as conn:
            for example in (*EXAMPLES, IndexExample("(hash, range)", "", HASH_CANNOT_RANGE)):
                print(f"{example.index_name}: {example.query}")
                print(*describe(await explain(conn, example.query)), "", sep="\n")
        plain, pattern_ops = await prefix_like_plans(engine)
        print(f"linguistic collation: {PATTERN_OPS.query}")
        print("with ix_contacts_email only:", *describe(plain), sep="\n")
        print("with ix_contacts_email_pattern too:", *describe(pattern_ops), sep="\n")


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
