"""Run the project's SQL files with psycopg: the schema, the seed procedure and the questions.

The SQL is the work; this module only loads files and runs them, so the same files also run in
``psql`` unchanged. A file that holds only comments (a starter's TODO) raises
``NotImplementedError`` naming the file instead of silently doing nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from week05.pg import Connection, has_statement

HERE = Path(__file__).parent
SCHEMA = HERE / "schema.sql"
SEED = HERE / "seed.sql"
QUERIES = HERE / "queries"
ER_DIAGRAM = HERE / "er_diagram.md"
DATASET = HERE.parent / "dataset.sql"


def run_file(conn: Connection, path: Path) -> None:
    """Execute every statement of a SQL file (no parameters, so ``%`` needs no escaping)."""
    text = path.read_text(encoding="utf-8")
    if not has_statement(text):
        where = path.relative_to(HERE.parent).as_posix()
        raise NotImplementedError(f"TODO: write {where} (it holds only comments so far)")
    conn.execute(text.encode())


def load_schema(conn: Connection) -> None:
    """Create (or recreate) every table, index and trigger of ``schema.sql``."""
    run_file(conn, SCHEMA)


def load_dataset(conn: Connection) -> None:
    """Insert the small, hand-checkable dataset the questions are graded on."""
    run_file(conn, DATASET)


def seed(conn: Connection, scale: int | None = None) -> None:
    """Define the ``seed`` procedure and call it: ``scale`` users (the procedure's default if None)."""
    if scale is not None and scale < 1:
        raise ValueError(f"scale must be at least 1, got {scale}")
    run_file(conn, SEED)
    if scale is None:
        conn.execute("CALL seed()")
    else:
        conn.execute("CALL seed(%s)", (scale,))


def query_names() -> list[str]:
    """The business questions, by file name without ``.sql``: ``q01_organization_members``, ..."""
    return sorted(path.stem for path in QUERIES.glob("q*.sql"))


def query_text(name: str) -> str:
    path = QUERIES / f"{name}.sql"
    if not path.is_file():
        known = ", ".join(query_names())
        raise ValueError(f"no query named {name!r}; known: {known}")
    return path.read_text(encoding="utf-8")


def run_query(conn: Connection, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run ``queries/<name>.sql``; return its column names and rows.

    A file that holds only comments (the starter's TODO) raises ``NotImplementedError``.
    """
    text = query_text(name)
    if not has_statement(text):
        raise NotImplementedError(f"TODO: write the query in queries/{name}.sql")
    cursor = conn.execute(text.encode())
    columns = [column.name for column in cursor.description or []]
    return columns, cursor.fetchall()
