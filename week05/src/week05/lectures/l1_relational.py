"""Lecture 1: relational concepts, shown on a real PostgreSQL.

- ACID: a transaction that breaks a rule leaves nothing behind (atomicity, consistency);
- keys: a foreign key refuses a row that points nowhere;
- types: timestamptz vs timestamp, numeric vs float, jsonb vs json, uuid, boolean, integer range;
- normalization 1NF -> 2NF -> 3NF on a small order book, and what denormalization costs.

Run: ``uv run python -m week05.lectures.l1_relational`` (SQL in ``sql/l1_*.sql``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psycopg import errors

from week05.pg import Connect, Connection, demo_database, named_statements, run, scratch_schema

SQL = named_statements(Path(__file__).parent / "sql" / "l1_relational.sql")
NF = named_statements(Path(__file__).parent / "sql" / "l1_normalization.sql")


def failed_transfer(conn: Connection) -> tuple[str, list[tuple[Any, ...]]]:
    """Credit Bob, then fail to debit Ann: the error rolls the credit back too.

    Returns the error's class name and the balances afterwards (unchanged).
    """
    run(conn, SQL["accounts"])
    conn.commit()
    try:
        with conn.transaction():
            run(conn, SQL["credit"])  # succeeds on its own...
            run(conn, SQL["debit"])  # ...but this fails, and the block is rolled back
    except errors.CheckViolation as exc:
        error = type(exc).__name__
    else:  # pragma: no cover - the CHECK makes the debit fail
        error = "none"
    return error, run(conn, SQL["balances"])


def refused_orphan(conn: Connection) -> str:
    """A transfer to an account that does not exist: the foreign key says no."""
    try:
        with conn.transaction():
            run(conn, SQL["orphan_transfer"])
    except errors.ForeignKeyViolation as exc:
        return type(exc).__name__
    return "accepted"  # pragma: no cover


def type_facts(conn: Connection) -> dict[str, Any]:
    """What the types do, as a dict (see the keys)."""
    with conn.transaction():
        run(conn, SQL["types"])
        [(with_zone, without_zone)] = run(conn, SQL["moments_in_new_york"])
        cursor = conn.execute(SQL["type_facts"].encode())
        names = [c.name for c in cursor.description or []]
        facts = dict(zip(names, cursor.fetchone() or (), strict=True))
    try:
        with conn.transaction():
            run(conn, SQL["integer_overflow"])
    except errors.NumericValueOutOfRange:
        facts["integer_overflows"] = True
    return {"timestamptz_in_new_york": with_zone, "timestamp_in_new_york": without_zone, **facts}


def normalize(conn: Connection) -> dict[str, Any]:
    """Walk the order book to 3NF; count what a move costs before and after; check losslessness."""
    with conn.transaction():
        for step in (
            "unnormalized",
            "first_normal_form",
            "second_normal_form",
            "third_normal_form",
        ):
            run(conn, NF[step])
        [(in_1nf,)] = run(conn, NF["rows_to_change_in_1nf"])
        [(in_3nf,)] = run(conn, NF["rows_to_change_in_3nf"])
        lossless = run(conn, NF["rebuilt"]) == run(conn, NF["original"])
        pen_prices = [
            (order, str(paid), str(listed)) for order, paid, listed in run(conn, NF["pen_prices"])
        ]
        run(conn, NF["denormalized_counts"])
        [(before,)] = run(conn, NF["read_ann_count"])
        run(conn, NF["new_order_for_ann"])
        [(stale,)] = run(conn, NF["read_ann_count"])
        run(conn, NF["refresh"])
        [(fresh,)] = run(conn, NF["read_ann_count"])
    return {
        "rows_to_update_1nf": in_1nf,
        "rows_to_update_3nf": in_3nf,
        "lossless": lossless,
        "pen_prices": pen_prices,
        "view_counts": (before, stale, fresh),
    }


def demo(connect: Connect) -> None:
    with connect() as conn:
        error, balances = failed_transfer(conn)
        print(f"transfer of 150 from Ann: {error}; balances after: {balances}")
        print(f"transfer to account 99: {refused_orphan(conn)}")
        for name, value in type_facts(conn).items():
            print(f"  {name}: {value}")
        for name, value in normalize(conn).items():
            print(f"  {name}: {value}")


def main() -> None:
    with demo_database() as url, scratch_schema(url, prefix="l1") as connect:
        demo(connect)


if __name__ == "__main__":
    main()
