"""Fixtures of week 5's DSA tests: the shop schema of the SQL problems, example or random rows.

Each SQL test works in a schema of its own on the session's real PostgreSQL, rolled back after it
(``testkit.dsa.practice_schema``).
"""

from __future__ import annotations

import random
from decimal import Decimal

from testkit.dsa import Connection, practice_fixture

shop = practice_fixture("shop", "week05.dsa", "shop.sql")
COUNTRIES = ("DE", "FI", "GB", "NL", "US")
COUNTRY_WEIGHTS = (1, 3, 6, 2, 12)  # some countries stay under the revenue threshold
STATUSES = ("paid", "paid", "paid", "refunded", "cancelled")


def random_shop(conn: Connection, seed: int, customers: int = 80, orders: int = 120) -> None:
    """Replace the example rows with random ones: shared emails in other cases and spacing,
    customers without orders, countries below and above the revenue threshold."""
    rng = random.Random(seed)
    conn.execute("TRUNCATE orders, customers")
    with conn.cursor().copy("COPY customers (id, name, email, country) FROM STDIN") as copy:
        for cid in range(1, customers + 1):
            local = f"user{rng.randrange(customers // 2)}"
            email = rng.choice([local, local.upper(), f" {local}", f"{local} "]) + "@example.com"
            country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
            copy.write_row((cid, f"customer {cid}", email, country))
    with conn.cursor().copy(
        "COPY orders (id, customer_id, status, amount, ordered_at) FROM STDIN"
    ) as copy:
        for oid in range(1, orders + 1):
            amount = Decimal(rng.randrange(100, 6000)) / 100  # 1.00 to 59.99
            day = f"2026-03-{rng.randrange(1, 29):02d} 12:00+00"
            # customers after the first 60 never order: the anti-join has work to do
            copy.write_row((oid, rng.randrange(1, min(customers, 60) + 1), rng.choice(STATUSES),
                            amount, day))  # fmt: skip
