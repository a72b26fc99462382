"""Benchmark: the list queries of GET /api/v2/tasks without and with their indexes.

    make bench-week 7                              (or: uv run python week07/benchmarks/bench_queries.py)

1. a fresh database (on the server of ``DATABASE_URL`` if set, else a throwaway local server),
   migrated to revision 0004: week 6's schema, without this week's query indexes;
2. ``BENCH_TASKS`` tasks (default 100,000) from ``sample_data.seed_tasks``, then VACUUM ANALYZE;
3. each query, the app's own ``page_query`` for the first page, run ``BENCH_RUNS`` times (default
   200), timed, and EXPLAINed (the endpoint adds about a millisecond on top: the tags query and
   JSON; that part does not depend on the index);
4. ``alembic upgrade head`` (migration 0005 builds the indexes), ANALYZE, and step 3 again;
5. the before/after table goes to the week's README between the ``bench:`` markers.

Latency is measured on this machine with the database on the same host: compare the columns with
each other, not with another machine. ``IMPL=starter`` measures the starter instead.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from testkit import impl, impl_module
from testkit.db import async_url, explain, plan_nodes

WEEK = Path(__file__).resolve().parents[1]
README = WEEK / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BEFORE_INDEXES = "0004"  # the revision before 0005_query_indexes


@dataclass(frozen=True)
class Query:
    name: str
    filters: dict[str, Any]
    sort: str


QUERIES = [
    Query("stuck work: in progress, oldest first (`?state=in_progress&sort=created_at`)",
          {"status": "in_progress"}, "created_at"),
    Query("a small category, newest first (`?category_id=<small>&sort=-created_at`)",
          {"category_id": "small"}, "-created_at"),
    Query("all tasks by title (`?sort=title`)", {}, "title"),
]  # fmt: skip


@dataclass(frozen=True)
class Measurement:
    median_ms: float
    p95_ms: float
    plan: str


def percentile(samples: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the samples fall (nearest rank)."""
    ordered = sorted(samples)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[rank - 1]


def plan_summary(plan: dict[str, Any]) -> str:
    """``Index Scan Backward + Filter`` or ``Sort + Seq Scan``: the nodes under the Limit, and
    whether a scan threw rows away. No index names: the README must not hand out task 1."""
    parts = []
    for node in plan_nodes(plan):
        if node["Node Type"] == "Limit":
            continue
        backward = " Backward" if node.get("Scan Direction") == "Backward" else ""
        filtered = " + Filter" if "Filter" in node else ""
        parts.append(f"{node['Node Type']}{backward}{filtered}")
    return " + ".join(parts)


def table(
    before: dict[str, Measurement], after: dict[str, Measurement], tasks: int, runs: int
) -> str:
    lines = [
        f"{tasks:,} tasks, {runs} runs per query, first page of 20 (the page query alone).",
        "",
        "| Query | Before: median / p95 | Plan before | After: median / p95 | Plan after | Speed-up (median) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name in before:
        b, a = before[name], after[name]
        lines.append(
            f"| {name} | {b.median_ms:.2f} / {b.p95_ms:.2f} ms | {b.plan} "
            f"| {a.median_ms:.2f} / {a.p95_ms:.2f} ms | {a.plan} | {b.median_ms / a.median_ms:.1f}x |"
        )
    return "\n".join(lines)


def replace_between_markers(document: str, content: str) -> str:
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise ValueError(f"the README has no {START} ... {END} markers")
    return pattern.sub(lambda _: f"{START}\n{content}\n{END}", document)


@contextmanager
def bench_database() -> Iterator[str]:
    from testkit.services.postgres import ThrowawayPostgres, create_database, drop_database

    server = None if os.environ.get("DATABASE_URL") else ThrowawayPostgres()
    server_url = server.url() if server else os.environ["DATABASE_URL"]
    url = create_database(server_url, prefix="bench")
    try:
        yield url
    finally:
        drop_database(url)
        if server:
            server.close()


def migrate(url: str, revision: str) -> None:
    config = Config(WEEK / "alembic.ini")
    config.set_main_option("sqlalchemy.url", url)
    config.set_main_option("impl", impl.current())  # IMPL=starter: your migration 0005
    command.upgrade(config, revision)


async def seed(url: str, tasks: int) -> list[int]:
    engine = create_async_engine(async_url(url))
    try:
        async with engine.begin() as conn:
            categories: list[int] = await impl_module("week07", "sample_data").seed_tasks(
                conn, tasks
            )
        async with engine.connect() as conn:
            await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(
                text("VACUUM ANALYZE tasks")
            )
        return categories
    finally:
        await engine.dispose()


async def measure(url: str, categories: list[int], runs: int) -> dict[str, Measurement]:
    repository = impl_module("week07", "tasks.repository")
    schemas = impl_module("week07", "tasks.schemas")
    engine = create_async_engine(async_url(url), pool_size=1)
    results = {}
    try:
        async with engine.connect() as conn:
            await conn.execute(text("ANALYZE tasks"))
            for query in QUERIES:
                fields = dict(query.filters)
                if fields.get("category_id") == "small":
                    fields["category_id"] = categories[-1]
                filters, sort = schemas.TaskFilters(**fields), schemas.TaskSort(query.sort)
                statement = repository.page_query(filters, sort, None, 21)
                plan = await explain(conn, statement)
                samples = []
                for run in range(runs + 5):  # 5 warm-up runs: caches, prepared statements
                    started = time.perf_counter()
                    # Core execution of the ORM query: the SQL and its rows, no ORM loading.
                    (await conn.execute(statement)).all()
                    elapsed = (time.perf_counter() - started) * 1000
                    if run >= 5:
                        samples.append(elapsed)
                results[query.name] = Measurement(
                    statistics.median(samples), percentile(samples, 0.95), plan_summary(plan)
                )
    finally:
        await engine.dispose()
    return results


def main() -> None:
    tasks = int(os.environ.get("BENCH_TASKS", "100000"))
    runs = int(os.environ.get("BENCH_RUNS", "200"))
    started = time.perf_counter()
    with bench_database() as url:
        migrate(url, BEFORE_INDEXES)
        categories = asyncio.run(seed(url, tasks))
        before = asyncio.run(measure(url, categories, runs))
        migrate(url, "head")
        after = asyncio.run(measure(url, categories, runs))
    result = table(before, after, tasks, runs)
    print(result)
    README.write_text(
        replace_between_markers(README.read_text(encoding="utf-8"), result), encoding="utf-8"
    )
    print(
        f"\nwrote the table into {README.relative_to(WEEK.parent)} ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
