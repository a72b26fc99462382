"""Fixtures of week 9's DSA tests: the users, roles and logins of the SQL problems, example or
random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random

from testkit.dsa import Connection, practice_fixture

access = practice_fixture("access", "week09.dsa", "access.sql")


def random_roles(conn: Connection, seed: int, roles: int = 25, users: int = 30) -> None:
    """Replace the example roles with a random hierarchy: each role inherits from up to three
    earlier ones (no cycles, many paths to the same ancestor), permissions granted twice, roles
    without permissions and users without roles."""
    rng = random.Random(seed)
    names = [f"r{i:02d}" for i in range(roles)]
    conn.execute("TRUNCATE user_roles, role_permissions, role_parents, roles, logins, users")
    conn.execute(
        "INSERT INTO users SELECT i, 'user ' || i FROM generate_series(1, %s) AS i", [users]
    )
    with conn.cursor().copy("COPY roles (name) FROM STDIN") as copy:
        for name in names:
            copy.write_row((name,))
    with conn.cursor().copy("COPY role_parents (role, parent) FROM STDIN") as copy:
        for i, name in enumerate(names[1:], start=1):
            for parent in sorted(set(rng.choices(names[:i], k=rng.randrange(4)))):
                copy.write_row((name, parent))
    with conn.cursor().copy("COPY role_permissions (role, permission) FROM STDIN") as copy:
        for name in names:
            for permission in sorted(set(rng.choices("abcdefghij", k=rng.randrange(3)))):
                copy.write_row((name, f"{permission}:read"))
    with conn.cursor().copy("COPY user_roles (user_id, role) FROM STDIN") as copy:
        for user in range(1, users + 1):
            for role in sorted(set(rng.choices(names, k=rng.randrange(3)))):
                copy.write_row((user, role))


def random_logins(conn: Connection, seed: int, users: int = 12, rows: int = 200) -> None:
    """Replace the example logins with random ones: several a day, days missed, two runs of the
    same length for a user, times on both sides of midnight UTC given in other time zones."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE logins")
    conn.execute(
        "INSERT INTO users SELECT i, 'user ' || i FROM generate_series(1, %s) AS i"
        " ON CONFLICT (id) DO NOTHING",
        [users],
    )
    with conn.cursor().copy("COPY logins (id, user_id, at) FROM STDIN") as copy:
        for lid in range(1, rows + 1):
            # never the 7th, 14th, ... as written: only logins near midnight reach them in UTC
            day = rng.choice([d for d in range(1, 29) if d % 7])
            clock = rng.choice(("00:30+01", "09:00+00", "23:30-02", "23:59+00"))
            copy.write_row((lid, rng.randrange(1, users + 1), f"2026-02-{day:02d} {clock}"))
