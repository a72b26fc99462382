"""Fixtures of week 11's DSA tests: the jobs and outbox of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random

from testkit.dsa import Connection, practice_fixture

jobs = practice_fixture("jobs", "week11.dsa", "jobs.sql")


def random_jobs(conn: Connection, seed: int, rows: int = 300) -> None:
    """Replace the example jobs with random ones over two days: hours without jobs, hours without
    dead ones, times given in other time zones on both sides of an hour in UTC."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE jobs")
    with conn.cursor().copy("COPY jobs (id, queue, status, finished_at) FROM STDIN") as copy:
        for job in range(1, rows + 1):
            hour = rng.choice([h for h in range(48) if h % 5])  # hours 0, 5, 10, ... stay empty
            clock = rng.choice(("00:30+01", "00:59+00", "00:10-02"))
            at = f"2026-02-{1 + hour // 24:02d} {hour % 24:02d}:{clock}"
            status = rng.choice(("succeeded", "succeeded", "dead")) if hour % 3 else "succeeded"
            copy.write_row((job, rng.choice(("mail", "reports")), status, at))


def random_outbox(conn: Connection, seed: int, events: int = 200) -> None:
    """Replace the example outbox with random events and attempts: none, failures only, failures
    then a success, a success then a stray retry."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE deliveries, outbox")
    with conn.cursor().copy("COPY outbox (id, topic, created_at) FROM STDIN") as copy:
        for event in range(1, events + 1):
            copy.write_row((event, rng.choice(("task.created", "task.done")), "2026-02-01 09:00Z"))
    with conn.cursor().copy("COPY deliveries (id, event_id, ok, at) FROM STDIN") as copy:
        delivery = 0
        for event in range(1, events + 1):
            for ok in rng.choice(([], [False], [False, False, True], [True, False], [True])):
                delivery += 1
                copy.write_row((delivery, event, ok, "2026-02-01 09:01Z"))
