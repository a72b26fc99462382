"""Fixtures of week 8's DSA tests: the package graph of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random

from testkit.dsa import Connection, practice_fixture

graph = practice_fixture("graph", "week08.dsa", "packages.sql")


def random_graph(conn: Connection, seed: int, packages: int = 40, edges: int = 70) -> None:
    """Replace the example rows with a random graph: api among the packages, cycles (api's own
    too), packages nothing requires and packages that require nothing."""
    rng = random.Random(seed)
    names = ["api", *(f"p{i}" for i in range(1, packages))]
    pairs = {(rng.choice(names), rng.choice(names)) for _ in range(edges)} | {("api", "p1")}
    conn.execute("TRUNCATE requires, packages")
    with conn.cursor().copy("COPY packages (name) FROM STDIN") as copy:
        for name in names:
            copy.write_row((name,))
    with conn.cursor().copy("COPY requires (package, dependency) FROM STDIN") as copy:
        for pair in sorted(pairs):
            copy.write_row(pair)
