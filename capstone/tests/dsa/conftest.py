"""Fixtures of the capstone's DSA tests: the organisations, members, projects and tasks of the SQL
problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import datetime as dt
import random

from testkit.dsa import Connection, practice_fixture

tenants = practice_fixture("tenants", "capstone.dsa", "tenants.sql")
START = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def random_tenants(conn: Connection, seed: int, projects: int = 60, tasks: int = 300) -> None:
    """Replace the example rows with random ones: three organisations sharing some usernames, a
    forest of projects a few levels deep (sibling names unique), tasks open or completed by
    members, by members of another organisation, or by people who left."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE organisations, members, projects, tasks")
    orgs = {1: "Acme", 2: "Globex", 3: "Umbrella"}
    for org_id, name in orgs.items():
        conn.execute("INSERT INTO organisations VALUES (%s, %s)", (org_id, name))
    people = ["ana", "ben", "cleo", "dan", "eve", "finn", "gus"]
    for org_id in orgs:
        for username in rng.sample(people[:-1], rng.randint(1, 5)):  # gus is never a member
            conn.execute("INSERT INTO members VALUES (%s, %s)", (org_id, username))
    owner: dict[int, int] = {}
    for project in range(1, projects + 1):
        parent = rng.choice([None, *owner]) if owner else None
        org_id = owner[parent] if parent is not None else rng.choice(list(orgs))
        owner[project] = org_id
        name = f"{rng.choice(['api', 'Web', 'ops', 'data'])}-{project}"  # unique among siblings
        conn.execute(
            "INSERT INTO projects VALUES (%s, %s, %s, %s)", (project, org_id, parent, name)
        )
    for task in range(1, tasks + 1):
        done = rng.random() < 0.7
        who = rng.choice(people) if done else None
        at = START + dt.timedelta(hours=task) if done else None
        conn.execute(
            "INSERT INTO tasks VALUES (%s, %s, %s, %s)", (task, rng.randint(1, projects), who, at)
        )
