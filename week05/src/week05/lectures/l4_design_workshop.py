"""Lecture 4: database design decisions, shown, and the workshop's requirement checker.

- identity vs UUID keys: identity values are small and ordered but guessable, and a rolled-back
  insert still uses up its number; a UUID reveals nothing and can be made anywhere;
- soft delete: a UNIQUE constraint blocks re-using a deleted row's email; a partial unique
  index (``WHERE deleted_at IS NULL``) does not;
- timestamps: ``now()`` is the transaction's start; a trigger keeps ``updated_at``.

Run: ``uv run python -m week05.lectures.l4_design_workshop`` to see the decisions and check the
reference design, or add a path to check your own schema: ``... l4_design_workshop my.sql``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from week05.pg import Connect, Connection, demo_database, named_statements, run, scratch_schema

HERE = Path(__file__).parent / "sql"
SQL = named_statements(HERE / "l4_design.sql")
CHECKS = named_statements(HERE / "l4_workshop_checks.sql")
REFERENCE = HERE / "l4_workshop_schema.sql"


def key_kinds(conn: Connection) -> dict[str, Any]:
    """Insert, roll back, insert again: the identity skips a number; the UUID is opaque."""
    run(conn, SQL["keys"])
    conn.commit()
    first = run(conn, SQL["insert_serial"])[0][0]
    conn.commit()
    run(conn, SQL["insert_serial"])
    conn.rollback()  # the row is gone, its number is not given back
    third = run(conn, SQL["insert_serial"])[0][0]
    token = run(conn, SQL["insert_uuid"])[0][0]
    conn.commit()
    return {"identity_ids": (first, third), "uuid": token}


def soft_delete(conn: Connection) -> dict[str, str]:
    """Delete softly, then sign up again with the same email, against both designs."""
    run(conn, SQL["accounts"])
    conn.commit()
    outcome = {}
    for table in ("accounts_plain", "accounts_partial"):
        # Table names cannot be parameters: compose them as identifiers, values as %s.
        insert = sql.SQL("INSERT INTO {} (email) VALUES (%s)").format(sql.Identifier(table))
        delete = sql.SQL("UPDATE {} SET deleted_at = now() WHERE email = %s").format(
            sql.Identifier(table)
        )
        conn.execute(insert, ("ann@example.com",))
        conn.execute(delete, ("ann@example.com",))
        conn.commit()
        try:
            with conn.transaction():
                conn.execute(insert, ("ann@example.com",))
            outcome[table] = "signed up again"
        except psycopg.errors.UniqueViolation:
            outcome[table] = "UniqueViolation"
    conn.commit()
    return outcome


def timestamps(conn: Connection) -> dict[str, Any]:
    """The trigger overwrites updated_at on every UPDATE, whatever the statement says."""
    run(conn, SQL["timestamps"])
    run(
        conn,
        "INSERT INTO notes (body, created_at, updated_at) VALUES ('hi', '2020-01-01', '2020-01-01')",
    )
    conn.commit()
    [(updated_is_now, created)] = run(
        conn,
        "UPDATE notes SET body = 'hello', updated_at = '1999-01-01' RETURNING updated_at = now(), created_at",
    )
    first, second = run(conn, SQL["clock"]), run(conn, SQL["clock"])
    conn.commit()
    return {
        "updated_at_is_now": updated_is_now,
        "created_at": created,
        "now_is_stable_in_a_transaction": first == second,
    }


def check_workshop(conn: Connection, schema_sql: str) -> list[tuple[str, bool]]:
    """Load a schema, then run every requirement: ``[(requirement, met?), ...]``."""
    with conn.transaction(force_rollback=True):
        run(conn, schema_sql)
        results = []
        for name, statement in CHECKS.items():
            try:
                with conn.transaction():
                    run(conn, statement)
                ok = name.startswith("accept_")
            except psycopg.Error:
                ok = name.startswith("refuse_")
            results.append((name.replace("_", " "), ok))
    return results


def demo(connect: Connect, schema: Path = REFERENCE) -> bool:
    with connect() as conn:
        print(f"keys: {key_kinds(conn)}")
        print(f"soft delete, then sign up again: {soft_delete(conn)}")
        print(f"timestamps: {timestamps(conn)}")
        print(f"requirements, checked against {schema.name}:")
        results = check_workshop(conn, schema.read_text(encoding="utf-8"))
    for requirement, ok in results:
        print(f"  {'PASS' if ok else 'FAIL'}  {requirement}")
    return all(ok for _, ok in results)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    schema = Path(args[0]) if args else REFERENCE
    if not schema.is_file():
        print(f"error: no such schema file: {schema}", file=sys.stderr)
        return 2
    with demo_database() as url, scratch_schema(url, prefix="l4") as connect:
        return 0 if demo(connect, schema) else 1


if __name__ == "__main__":
    sys.exit(main())
