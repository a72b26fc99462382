"""Fixtures of week 12's DSA tests: the requests and sessions of the SQL problems, example or
random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import datetime as dt
import random

from testkit.dsa import Connection, practice_fixture

realtime = practice_fixture("realtime", "week12.dsa", "realtime.sql")
START = dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC)


def random_requests(conn: Connection, seed: int, rows: int = 400) -> None:
    """Replace the example requests with random ones: endpoints with one request or many, a few
    slow outliers, repeated latencies."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE requests")
    endpoints = ["GET /tasks", "POST /tasks", "GET /me", "GET /ws/stats"]
    with conn.cursor().copy("COPY requests (id, endpoint, latency_ms, at) FROM STDIN") as copy:
        copy.write_row((1, "DELETE /tasks/{id}", rng.randint(1, 50), START))  # a single request
        for request in range(2, rows + 1):
            latency = rng.randint(1, 60) if rng.random() < 0.9 else rng.randint(200, 3_000)
            at = START + dt.timedelta(seconds=request)
            copy.write_row((request, rng.choice(endpoints), latency, at))


def random_sessions(conn: Connection, seed: int, rows: int = 300) -> None:
    """Replace the example sessions with random ones on a coarse clock: many start or end at the
    same minute, one ending as another starts."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE sessions")
    with conn.cursor().copy("COPY sessions (id, room, started_at, ended_at) FROM STDIN") as copy:
        for session in range(1, rows + 1):
            start = rng.randint(0, 60)
            end = start + rng.randint(1, 15)
            room = rng.choice(("lobby", "standup", "support", "random"))
            minute = dt.timedelta(minutes=1)
            copy.write_row((session, room, START + start * minute, START + end * minute))
