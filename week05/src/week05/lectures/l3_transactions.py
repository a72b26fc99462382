"""Lecture 3 (part 2): transactions and isolation levels, with two real concurrent connections.

The two sessions, A and B, are interleaved explicitly, statement by statement, in one thread:
no sleeps and no races, so every run shows the same outcome.

- READ COMMITTED (the default): each statement sees what was committed before it started, so
  A reading the same row twice can get two answers (a non-repeatable read);
- REPEATABLE READ: A's snapshot is taken at its first statement; both reads agree. If A then
  updates a row that B changed after that snapshot, PostgreSQL refuses with a serialization
  failure (SQLSTATE 40001) instead of letting A overwrite B's work (a lost update); the
  application retries the whole transaction;
- SERIALIZABLE: also refuses write skew (two transactions each read what the other writes).

Run: ``uv run python -m week05.lectures.l3_transactions`` (SQL in ``sql/l3_transactions.sql``).
"""

from __future__ import annotations

from pathlib import Path

from psycopg import IsolationLevel, errors

from week05.pg import Connect, Connection, demo_database, named_statements, run, scratch_schema

SQL = named_statements(Path(__file__).parent / "sql" / "l3_transactions.sql")


def setup(connect: Connect) -> None:
    """Create the stock table (once per schema)."""
    with connect() as conn:
        run(conn, SQL["setup"])
        conn.commit()


def reset(connect: Connect) -> None:
    """Back to 10 pens and 5 ink, committed, so every demonstration starts the same."""
    with connect() as conn:
        run(conn, SQL["reset"])
        conn.commit()


def savepoint(connect: Connect) -> tuple[int, int]:
    """Run the savepoint script; return (pens, ink): the pen sale stays, the ink sale is undone."""
    reset(connect)
    with connect() as conn:
        conn.autocommit = True  # the script says BEGIN/COMMIT itself
        run(conn, SQL["savepoint"])
        return run(conn, SQL["read_pen"])[0][0], run(conn, SQL["read_ink"])[0][0]


def _session(connect: Connect, level: IsolationLevel | None = None) -> Connection:
    conn = connect()
    conn.isolation_level = level
    return conn


def repeated_read(connect: Connect, level: IsolationLevel) -> tuple[int, int]:
    """A reads the pens, B sells 3 and commits, A reads again; return A's two readings."""
    reset(connect)
    a, b = _session(connect, level), _session(connect)
    b.autocommit = True
    first = run(a, SQL["read_pen"])[0][0]  # A's transaction (and, in RR, its snapshot) starts
    run(b, SQL["b_sells_pens"])  # B commits while A is still open
    second = run(a, SQL["read_pen"])[0][0]
    a.commit()
    a.close()
    b.close()
    return first, second


def lost_update(connect: Connect, level: IsolationLevel) -> tuple[str, int]:
    """A and B each read the pens and write back "what I read minus what I sold".

    Returns what happened to A's write ("committed" or the error's name) and the final quantity.
    Under READ COMMITTED, B's sale is silently lost; REPEATABLE READ refuses A's write.
    """
    reset(connect)
    a, b = _session(connect, level), _session(connect, level)
    seen_by_a = run(a, SQL["read_pen"])[0][0]
    seen_by_b = run(b, SQL["read_pen"])[0][0]
    b.execute(SQL["set_pen"].encode(), (seen_by_b - 2,))
    b.commit()  # B sold 2 and committed first
    try:
        a.execute(SQL["set_pen"].encode(), (seen_by_a - 1,))  # A sold 1, computed from old data
        a.commit()
        outcome = "committed"
    except errors.SerializationFailure as exc:
        a.rollback()
        outcome = type(exc).__name__
    final = run(b, SQL["read_pen"])[0][0]
    b.commit()
    a.close()
    b.close()
    return outcome, final


def write_skew(connect: Connect, level: IsolationLevel) -> list[str]:
    """A and B both read the total stock, then each adds a row (rows the other did not touch).

    Under SERIALIZABLE one of the two commits is refused: no serial order could give both reads.
    Returns the outcome of A's and B's commits.
    """
    reset(connect)
    a, b = _session(connect, level), _session(connect, level)
    outcomes = []
    run(a, SQL["read_total"])
    run(b, SQL["read_total"])
    a.execute(SQL["add_ink"].encode(), ("a",))
    b.execute(SQL["add_ink"].encode(), ("b",))
    for conn in (a, b):
        try:
            conn.commit()
            outcomes.append("committed")
        except errors.SerializationFailure as exc:
            conn.rollback()
            outcomes.append(type(exc).__name__)
    a.close()
    b.close()
    return outcomes


def demo(connect: Connect) -> None:
    setup(connect)
    print(f"savepoint: (pens, ink) = {savepoint(connect)}")
    for level in (IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ):
        print(f"{level.name}: A reads pens twice -> {repeated_read(connect, level)}")
    for level in (IsolationLevel.READ_COMMITTED, IsolationLevel.REPEATABLE_READ):
        print(f"{level.name}: lost update? A's write -> {lost_update(connect, level)}")
    for level in (IsolationLevel.REPEATABLE_READ, IsolationLevel.SERIALIZABLE):
        print(f"{level.name}: write skew -> {write_skew(connect, level)}")


def main() -> None:
    with demo_database() as url, scratch_schema(url, prefix="l3tx") as connect:
        demo(connect)


if __name__ == "__main__":
    main()
