"""Problem 8: top contributors per organisation (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_tenants

PROBLEM = "p08_top_contributors"
pytestmark = pytest.mark.task(8)


@pytest.mark.points(2)
def test_example_from_the_statement(tenants: SqlPractice) -> None:
    expected = Result(
        ["organisation", "username", "completed", "rank", "share_pct"],
        [
            ("Acme", "ana", 3, 1, Decimal("50.0")),
            ("Acme", "ben", 2, 2, Decimal("33.3")),
            ("Acme", "cleo", 1, 3, Decimal("16.7")),
            ("Acme", "dan", 0, 4, Decimal("0.0")),
            ("Globex", "eve", 2, 1, Decimal("66.7")),
            ("Globex", "ana", 1, 2, Decimal("33.3")),
            ("Initech", "finn", 0, 1, None),
        ],
    )
    assert_same_result(tenants.answer(PROBLEM), expected)


def test_ties_share_a_rank_and_skip_the_next(tenants: SqlPractice) -> None:
    tenants.conn.execute(
        "UPDATE tasks SET completed_by = 'cleo', completed_at = '2026-03-08 10:00Z' WHERE id = 6"
    )  # cleo now has 2, as many as ben
    rows = [row[1:] for row in tenants.answer(PROBLEM).rows if row[0] == "Acme"]
    assert rows == [
        ("ana", 3, 1, Decimal("42.9")),
        ("ben", 2, 2, Decimal("28.6")),
        ("cleo", 2, 2, Decimal("28.6")),
        ("dan", 0, 4, Decimal("0.0")),
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_result_as_the_reference_on_random_data(tenants: SqlPractice, seed: int) -> None:
    random_tenants(tenants.conn, seed)
    assert_same_result(tenants.answer(PROBLEM), tenants.reference(PROBLEM))
