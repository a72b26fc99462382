"""Lecture 2: SQL fundamentals on two tiny tables (authors, books) whose results fit on a page.

CRUD with RETURNING; WHERE/ORDER BY/LIMIT/OFFSET; every JOIN kind; GROUP BY/HAVING;
subqueries, CTEs and a recursive CTE over a subtask tree.

Run: ``uv run python -m week05.lectures.l2_sql_fundamentals`` (SQL in ``sql/l2_sql.sql``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from week05.pg import Connect, Connection, demo_database, named_statements, run, scratch_schema

SQL = named_statements(Path(__file__).parent / "sql" / "l2_sql.sql")
STEPS = [
    "create", "read", "update", "delete", "restore", "page_1", "page_2",
    "inner_join", "left_join", "right_join", "full_join", "cross_join",
    "aggregates", "count_star_vs_column", "subquery", "cte", "subtasks", "recursive_cte",
]  # fmt: skip


def walk(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Run every step of the lecture in order; ``{step: rows}``."""
    with conn.transaction():
        run(conn, SQL["setup"])
        return {step: run(conn, SQL[step]) for step in STEPS}


def demo(connect: Connect) -> None:
    with connect() as conn:
        for step, rows in walk(conn).items():
            print(f"-- {step}")
            for row in rows:
                print("  ", row)


def main() -> None:
    with demo_database() as url, scratch_schema(url, prefix="l2") as connect:
        demo(connect)


if __name__ == "__main__":
    main()
