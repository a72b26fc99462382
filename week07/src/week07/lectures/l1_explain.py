"""L1: reading query plans with EXPLAIN and EXPLAIN ANALYZE.

``EXPLAIN`` shows the plan the planner chose and its *estimates*, without running the query.
``EXPLAIN ANALYZE`` runs it (a DELETE really deletes: wrap it in a transaction you roll back) and
adds what happened. Read a plan node by node, innermost first:

- ``cost=startup..total``: the planner's unit-less estimate (about "one sequential page read" = 1);
  compare costs of plans for the same query, never across queries.
- ``rows``: estimated rows out of the node; ``actual rows`` is the real count *per loop*.
- ``loops``: how often the node ran (the inner side of a nested loop runs once per outer row):
  its total work is ``actual rows x loops`` and ``actual time x loops``.
- ``BUFFERS``: 8 kB pages found in shared memory (``hit``) or read from the OS (``read``). Slow
  queries are usually queries that touch too many pages.
- An estimate far from the actual rows means stale statistics (run ``ANALYZE``) or correlated
  columns: the planner picks plans from estimates, so a bad estimate is a bad plan.

``FORMAT JSON`` gives the same tree as data: tests (and this module) read it instead of text.

Run: ``uv run python -m week07.lectures.l1_explain``
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from week07.lectures.demo_db import demo_database, scratch_engine
from week07.lectures.events_db import create_events

Plan = dict[str, Any]

USER_EVENTS_INDEX = "CREATE INDEX ix_events_user_created ON events (user_id, created_at)"
# Three users, then their events: a nested loop whose inner side runs once per user.
EVENTS_OF_THREE_USERS = """
SELECT u.email, e.kind, e.created_at
FROM users AS u JOIN events AS e ON e.user_id = u.id
WHERE u.id IN (5, 6, 7)
"""


async def explain(
    conn: AsyncConnection,
    sql: str,
    params: dict[str, Any] | None = None,
    *,
    analyze: bool = False,
    buffers: bool = False,
) -> Plan:
    """The JSON plan of ``sql``; ``analyze`` RUNS the statement, ``buffers`` counts pages."""
    options = ["FORMAT JSON"] + ["ANALYZE"] * analyze + ["BUFFERS"] * buffers
    result = await conn.execute(text(f"EXPLAIN ({', '.join(options)}) {sql}"), params or {})
    plan: Plan = result.scalar_one()[0]["Plan"]
    return plan


def nodes(plan: Plan) -> list[Plan]:
    """Every node of the tree, parents first."""
    found = [plan]
    for child in plan.get("Plans", []):
        found += nodes(child)
    return found


def used_indexes(plan: Plan) -> set[str]:
    return {node["Index Name"] for node in nodes(plan) if "Index Name" in node}


def describe(plan: Plan, depth: int = 0) -> list[str]:
    """One line per node, like the text format, from the JSON."""
    line = "  " * depth + "-> " + plan["Node Type"]
    if "Index Name" in plan:
        line += f" using {plan['Index Name']}"
    elif "Relation Name" in plan:
        line += f" on {plan['Relation Name']}"
    line += f"  (cost={plan['Startup Cost']}..{plan['Total Cost']} rows={plan['Plan Rows']})"
    if "Actual Rows" in plan:
        line += f" (actual rows={plan['Actual Rows']} loops={plan['Actual Loops']})"
    if "Shared Hit Blocks" in plan:
        line += f" buffers: hit={plan['Shared Hit Blocks']} read={plan['Shared Read Blocks']}"
    lines = [line]
    for child in plan.get("Plans", []):
        lines += describe(child, depth + 1)
    return lines


async def count_events(conn: AsyncConnection) -> int:
    return int((await conn.execute(text("SELECT count(*) FROM events"))).scalar_one())


async def explain_does_not_run(conn: AsyncConnection) -> tuple[int, int]:
    """Events left after ``EXPLAIN DELETE`` and after ``EXPLAIN ANALYZE DELETE`` (rolled back)."""
    await explain(conn, "DELETE FROM events")
    after_explain = await count_events(conn)
    savepoint = await conn.begin_nested()
    await explain(conn, "DELETE FROM events", analyze=True)
    after_analyze = await count_events(conn)
    await savepoint.rollback()  # the DELETE really ran: undo it
    return after_explain, after_analyze


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await create_events(engine, USER_EVENTS_INDEX)
        async with engine.begin() as conn:
            plan = await explain(conn, EVENTS_OF_THREE_USERS)
            print("EXPLAIN (estimates only):", *describe(plan), sep="\n")
            plan = await explain(conn, EVENTS_OF_THREE_USERS, analyze=True, buffers=True)
            print("\nEXPLAIN (ANALYZE, BUFFERS) (it ran):", *describe(plan), sep="\n")
            top = {key: value for key, value in plan.items() if key != "Plans"}
            print("\nThe top node as JSON:", json.dumps(top, indent=1)[:400], "...", sep="\n")
            print("The planner guessed 12 rows (3 users x the average 4 events); these three users")
            print("are active ones with 100 events each: estimates are averages, check them.")
            left = await explain_does_not_run(conn)
            print(
                f"\nrows left after EXPLAIN DELETE: {left[0]}; during EXPLAIN ANALYZE DELETE: {left[1]}"
            )


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
