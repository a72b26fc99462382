"""Command line for the mini-project: ask the business questions, or seed a database.

    uv run python -m week05.solution.cli ask                 # every question on the dataset
    uv run python -m week05.solution.cli ask q05_overdue_tasks
    uv run python -m week05.solution.cli seed --scale 5000   # recreate the schema, seed, time it

The database is ``DATABASE_URL`` (``make services-up`` prints one) or, when it is not set, a
throwaway server that lives as long as the command. ``ask`` works in a scratch schema it drops
afterwards; ``seed`` recreates the tables in the database's own schema so you can explore them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

import psycopg
from psycopg import sql

from week05.pg import demo_database, scratch_schema

from . import runner

TABLES = ("organizations", "users", "memberships", "projects", "tasks", "task_tags", "comments")


class SetupError(Exception):
    """The project's SQL files did not run (a TODO left, or PostgreSQL refused them)."""


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Rows as an aligned text table, like psql prints them."""
    cells = [[("" if value is None else str(value)) for value in row] for row in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [
        " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def ask(url: str, names: Sequence[str]) -> str:
    """Load schema and dataset into a scratch schema, run the named questions, format the answers."""
    out = []
    with scratch_schema(url, prefix="ask") as connect, connect() as conn:
        try:
            runner.load_schema(conn)
            runner.load_dataset(conn)
        except (NotImplementedError, psycopg.Error) as exc:
            raise SetupError(f"schema.sql with the dataset did not load: {exc}") from exc
        for name in names or runner.query_names():
            try:
                with conn.transaction():  # a savepoint: a broken query leaves the data intact
                    columns, rows = runner.run_query(conn, name)
            except (NotImplementedError, psycopg.Error) as exc:
                out.append(f"== {name}\nerror: {exc}\n")
                continue
            out.append(f"== {name}\n{format_table(columns, rows)}\n")
    return "\n".join(out)


def seed(url: str, scale: int | None) -> str:
    """Recreate the schema, seed it, ANALYZE; report row counts and the time it took."""
    with psycopg.connect(url, autocommit=True) as conn:
        started = time.perf_counter()
        try:
            with conn.transaction():
                runner.load_schema(conn)
                runner.seed(conn, scale)
        except (NotImplementedError, psycopg.Error) as exc:
            raise SetupError(f"schema.sql and seed.sql did not run: {exc}") from exc
        conn.execute("ANALYZE")
        elapsed = time.perf_counter() - started
        count = sql.SQL("SELECT count(*) FROM {}")
        counts = [
            (table, conn.execute(count.format(sql.Identifier(table))).fetchone())
            for table in TABLES
        ]
    lines = [f"{table}: {row[0] if row else 0}" for table, row in counts]
    return "\n".join([*lines, f"seeded and analyzed in {elapsed:.1f} s"])


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="week05.solution.cli", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("ask", help="run business questions on the grading dataset")
    a.add_argument("names", nargs="*", help="query names (default: all)")
    s = sub.add_parser("seed", help="recreate the schema and seed it")
    s.add_argument("--scale", type=int, default=None, help="number of users (default: 5000)")
    return p


def main(argv: Sequence[str] | None = None, url: str | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "seed" and args.scale is not None and args.scale < 1:
        print(f"error: --scale must be at least 1, got {args.scale}", file=sys.stderr)
        return 2
    if args.command == "ask":
        unknown = sorted(set(args.names) - set(runner.query_names()))
        if unknown:
            print(f"error: unknown query {', '.join(unknown)}", file=sys.stderr)
            print(f"known: {', '.join(runner.query_names())}", file=sys.stderr)
            return 2
    with demo_database() if url is None else nullcontext(url) as database:
        try:
            print(
                ask(database, args.names) if args.command == "ask" else seed(database, args.scale)
            )
        except SetupError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
