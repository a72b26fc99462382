"""Fixtures of week 10's DSA tests: the cache log of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import week10.dsa

from testkit.dsa import Connection, SqlPractice, practice_schema

CACHE_LOG = Path(week10.dsa.__file__).parent / "cache_log.sql"
START = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def cache_log(postgres_url: str) -> Iterator[SqlPractice]:
    """The cache lookups and health checks with the statements' example rows."""
    with practice_schema(postgres_url, CACHE_LOG) as conn:
        yield SqlPractice(conn, "week10.dsa")


def random_events(conn: Connection, seed: int, rows: int = 200) -> None:
    """Replace the example lookups with random ones over five hours (one without lookups): a few
    hot keys, ties for a place, times on both sides of an hour given in other time zones."""
    rng = random.Random(seed)
    keys = ["stats", "user:1", "user:2", "task:7", "task:8", "me"]
    conn.execute("TRUNCATE cache_events")
    with conn.cursor().copy("COPY cache_events (id, at, key, hit) FROM STDIN") as copy:
        for eid in range(1, rows + 1):
            hour = rng.choice((0, 1, 2, 4))
            minute = rng.choice((0, 1, 30, 59))
            zone = dt.timezone(dt.timedelta(hours=rng.choice((-5, 0, 1))))
            at = (START + dt.timedelta(hours=hour, minutes=minute)).astimezone(zone)
            key = rng.choices(keys, weights=(6, 4, 4, 2, 1, 1))[0]
            copy.write_row((eid, at.isoformat(), key, rng.random() < 0.7))


def random_checks(conn: Connection, seed: int, checks: int = 150) -> None:
    """Replace the example health checks with random ones, a minute apart but for a few gaps:
    outages of one check and long ones, maybe one at the very start and one still going."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE health_checks")
    minute, ok = 0, rng.random() < 0.5
    with conn.cursor().copy("COPY health_checks (at, ok) FROM STDIN") as copy:
        for _ in range(checks):
            minute += rng.choice((1, 1, 1, 2))
            if rng.random() < 0.3:
                ok = not ok
            copy.write_row(((START + dt.timedelta(minutes=minute)).isoformat(), ok))
