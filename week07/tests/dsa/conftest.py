"""Fixtures of week 7's DSA tests: the staff table of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random

from testkit.dsa import Connection, practice_fixture

staff = practice_fixture("staff", "week07.dsa", "staff.sql")


def random_staff(conn: Connection, seed: int, people: int = 120) -> None:
    """Replace the example rows with a random company: one head (1), employee 2 under them, every
    other employee under someone hired earlier (a smaller id), salaries with ties."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE employees")
    with conn.cursor().copy("COPY employees (id, name, manager_id, salary) FROM STDIN") as copy:
        for eid in range(1, people + 1):
            manager = None if eid == 1 else rng.randrange(1, min(eid, 12) if eid < 30 else eid)
            copy.write_row((eid, f"employee {eid}", manager, rng.randrange(5, 40) * 10))
