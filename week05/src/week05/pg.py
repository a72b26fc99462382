"""Small helpers around psycopg 3 that the lectures and the project share.

- ``named_statements``: a ``.sql`` file split into named sections (``-- name: <name>`` lines), so
  the SQL lives in files you can also run top to bottom in ``psql``;
- ``run``: execute one or more statements and get the rows of the last query;
- ``has_statement``: does a SQL text hold anything but comments and blanks?
- ``scratch_schema``: a fresh schema; every connection from the factory it yields works inside it;
- ``demo_database``: ``DATABASE_URL`` if set, else a throwaway server for the length of a demo.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

Connection = psycopg.Connection[tuple[Any, ...]]
Connect = Callable[[], Connection]

_NAME = re.compile(r"^--\s*name:\s*(\w+)\s*$")
_LINE_COMMENT = re.compile(r"--[^\n]*")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def named_statements(path: Path) -> dict[str, str]:
    """``{name: sql}`` for each ``-- name: <name>`` section of ``path`` (text before the first is dropped)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _NAME.match(line.strip()):
            current = sections.setdefault(m[1], [])
        elif current is not None:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in sections.items()}


def run(conn: Connection, statements: str) -> list[tuple[Any, ...]]:
    """Execute one or more statements (no parameters); return the rows of the last query."""
    cursor = conn.execute(statements.encode())
    rows: list[tuple[Any, ...]] = cursor.fetchall() if cursor.description else []
    while cursor.nextset():
        if cursor.description:
            rows = cursor.fetchall()
    return rows


def has_statement(text: str) -> bool:
    """True when ``text`` holds SQL beyond comments, whitespace and semicolons."""
    stripped = _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", text))
    return bool(stripped.replace(";", "").strip())


@contextmanager
def scratch_schema(url: str, prefix: str = "demo") -> Iterator[Connect]:
    """Create a uniquely named schema, yield a connection factory bound to it, drop it at the end.

    Each connection gets ``search_path=<schema>``, so unqualified table names land in the schema
    and two demos (or two tests) never see each other's tables.
    """
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        opened: list[Connection] = []

        def connect() -> Connection:
            conn = psycopg.connect(url, options=f"-c search_path={name}")
            opened.append(conn)
            return conn

        try:
            yield connect
        finally:
            for conn in opened:
                conn.close()
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


@contextmanager
def demo_database() -> Iterator[str]:
    """The URL of a database to demonstrate on: ``DATABASE_URL``, or a throwaway local server.

    With ``make services-up`` running, ``DATABASE_URL=postgresql://postgres@127.0.0.1:54329/course``
    reuses that server; with Docker, use the URL from this week's ``compose.yaml``.
    """
    if url := os.environ.get("DATABASE_URL"):
        yield url
        return
    # Imported here: only needed when no server is given (it finds PostgreSQL binaries).
    from testkit.services.postgres import ThrowawayPostgres

    server = ThrowawayPostgres()
    try:
        yield server.url()
    finally:
        server.close()
