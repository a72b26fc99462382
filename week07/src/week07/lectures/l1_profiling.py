"""L1: profiling queries from SQLAlchemy - echo, logging, a query counter, timing events.

- ``create_async_engine(url, echo=True)`` logs every statement and its parameters to the
  ``sqlalchemy.engine.Engine`` logger. Handy in a REPL; in an app, configure logging instead
  (``logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)``) so it can be switched per
  environment, and never log parameters in production (they hold personal data).
- Engine events ``before_cursor_execute`` / ``after_cursor_execute`` see every statement the
  driver runs: count them (the N+1 problem shows as "1 + N" statements, and a test can assert the
  count, as the testkit's ``count_queries`` does) and time them (a slow-query log).
- The server's view: ``log_min_duration_statement = 250ms`` logs slow statements, the
  ``pg_stat_statements`` extension aggregates time per normalized query across the whole app,
  and ``auto_explain`` logs the plans of slow ones. Find the slow query there, then EXPLAIN it.

Run: ``uv run python -m week07.lectures.l1_profiling``
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from week07.lectures.demo_db import demo_database, scratch_engine
from week07.lectures.events_db import create_events

slow_log = logging.getLogger("week07.slow_queries")


@dataclass
class Profile:
    """Statements in the order they ran, with their durations in seconds."""

    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.timings)

    def slowest(self) -> tuple[str, float]:
        return max(self.timings, key=lambda timing: timing[1])


@contextmanager
def profile(engine: AsyncEngine, slow_after: float = float("inf")) -> Iterator[Profile]:
    """Record every statement run on ``engine``; log those slower than ``slow_after`` seconds."""
    found = Profile()
    # Events are registered on the sync Engine that the AsyncEngine wraps.
    sync_engine = engine.sync_engine

    def start(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        conn.info.setdefault("query_start", []).append(time.perf_counter())

    def stop(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        elapsed = time.perf_counter() - conn.info["query_start"].pop()
        found.timings.append((statement, elapsed))
        if elapsed >= slow_after:
            slow_log.warning("slow query (%.1f ms): %s", elapsed * 1000, statement)

    event.listen(sync_engine, "before_cursor_execute", start)
    event.listen(sync_engine, "after_cursor_execute", stop)
    try:
        yield found
    finally:
        event.remove(sync_engine, "before_cursor_execute", start)
        event.remove(sync_engine, "after_cursor_execute", stop)


async def emails_one_by_one(conn: AsyncConnection, user_ids: list[int]) -> list[str]:
    """The N+1 shape: one query per id."""
    query = text("SELECT email FROM users WHERE id = :id")
    return [(await conn.execute(query, {"id": uid})).scalar_one() for uid in user_ids]


async def emails_at_once(conn: AsyncConnection, user_ids: list[int]) -> list[str]:
    """One query for all ids (``= ANY(:ids)`` takes a whole array as one parameter)."""
    query = text("SELECT email FROM users WHERE id = ANY(:ids) ORDER BY id")
    return list((await conn.execute(query, {"ids": user_ids})).scalars())


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await create_events(engine)
        ids = list(range(1, 11))
        async with engine.connect() as conn:
            with profile(engine) as one_by_one:
                await emails_one_by_one(conn, ids)
            with profile(engine) as at_once:
                await emails_at_once(conn, ids)
            print(f"one by one: {one_by_one.count} queries; at once: {at_once.count} query")
            # slow_after=0 flags every statement: in real life pick e.g. 0.1 (100 ms).
            with profile(engine, slow_after=0.0) as everything:
                await conn.execute(text("SELECT count(*) FROM events WHERE kind = 'view'"))
            statement, seconds = everything.slowest()
            print(f"slowest: {statement!r} in {seconds * 1000:.2f} ms")
    # echo=True: SQLAlchemy logs each statement itself (to stdout through its own handler).
    async with scratch_engine(url, echo=True) as engine, engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
