"""Fixtures of week 6's DSA tests: the request log of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random

from testkit.dsa import Connection, practice_fixture

log = practice_fixture("log", "week06.dsa", "requests.sql")
SERVICES = ("auth", "billing", "tasks")


def random_log(conn: Connection, seed: int, rows: int = 150) -> None:
    """Replace the example rows with random ones: tied durations, requests at the same instant,
    days without requests, times just before and after midnight UTC."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE requests")
    with conn.cursor().copy(
        "COPY requests (id, service, path, duration_ms, at) FROM STDIN"
    ) as copy:
        for rid in range(1, rows + 1):
            day = rng.choice((1, 2, 4, 5))  # never the 3rd: running totals skip a day
            clock = rng.choice(("00:00", "09:30", "09:30", "23:59"))
            copy.write_row((rid, rng.choice(SERVICES), f"/p{rng.randrange(5)}",
                            rng.randrange(0, 25) * 10, f"2026-03-0{day} {clock}+00"))  # fmt: skip
