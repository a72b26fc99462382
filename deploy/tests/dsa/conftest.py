"""Fixtures of the deploy folder's DSA tests: the services and deploys of the SQL problems, example
or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import datetime as dt
import random

from testkit.dsa import Connection, practice_fixture

deploys = practice_fixture("deploys", "deploy.dsa", "deploys.sql")
START = dt.datetime(2026, 2, 4, 9, tzinfo=dt.UTC)  # a Wednesday: the first week is a partial one


def random_deploys(conn: Connection, seed: int, rows: int = 200) -> None:
    """Replace the example deploys with random ones over about ten weeks, some weeks empty, on a
    coarse clock (deploys at the same minute, a failure followed by another), times in seconds."""
    rng = random.Random(seed)
    conn.execute("DELETE FROM deploys")
    quiet_week = rng.randint(1, 8)  # one week without any deploy in the middle
    with conn.cursor().copy(
        "COPY deploys (id, service, version, started_at, status) FROM STDIN"
    ) as copy:
        for deploy in range(1, rows + 1):
            minute = rng.randint(0, 70 * 24 * 60 // 30) * 30
            if minute // (7 * 24 * 60) == quiet_week:
                continue
            at = START + dt.timedelta(minutes=minute, seconds=rng.choice([0, 0, 30]))
            service = rng.choice(["api", "web"])  # the worker never deploys
            status = "failed" if rng.random() < 0.3 else "succeeded"
            copy.write_row((deploy, service, f"1.{deploy}.0", at, status))
