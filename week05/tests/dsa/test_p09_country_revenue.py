"""Problem 9: revenue per country (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_shop

PROBLEM = "p09_country_revenue"
pytestmark = pytest.mark.task(9)


@pytest.mark.points(2)
def test_example_from_the_statement(shop: SqlPractice) -> None:
    expected = Result(
        ["country", "customers", "revenue"],
        [("GB", 1, Decimal("150.50")), ("US", 4, Decimal("149.99"))],
    )
    assert_same_result(shop.answer(PROBLEM), expected)


def test_exactly_the_threshold_is_enough(shop: SqlPractice) -> None:
    shop.conn.execute(
        "INSERT INTO orders VALUES (10, 6, 'paid', 100.00, '2026-03-08 09:00+00')"
    )  # Edsger (NL): refunded 60.00 does not count, this 100.00 does
    assert [row[:2] for row in shop.answer(PROBLEM).rows] == [("GB", 1), ("US", 4), ("NL", 1)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_result_as_the_reference_on_random_data(shop: SqlPractice, seed: int) -> None:
    random_shop(shop.conn, seed)
    assert_same_result(shop.answer(PROBLEM), shop.reference(PROBLEM))
