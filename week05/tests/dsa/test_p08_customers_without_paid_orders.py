"""Problem 8: customers who never paid (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_shop

PROBLEM = "p08_customers_without_paid_orders"
pytestmark = pytest.mark.task(8)


@pytest.mark.points(2)
def test_example_from_the_statement(shop: SqlPractice) -> None:
    expected = Result(["id", "name"], [(3, "Linus"), (6, "Edsger")])
    assert_same_result(shop.answer(PROBLEM), expected)


def test_a_customer_without_any_order_counts(shop: SqlPractice) -> None:
    shop.conn.execute("INSERT INTO customers VALUES (8, 'Alan', 'alan@example.com', 'GB')")
    assert shop.answer(PROBLEM).rows == [(3, "Linus"), (6, "Edsger"), (8, "Alan")]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(shop: SqlPractice, seed: int) -> None:
    random_shop(shop.conn, seed)
    assert_same_result(shop.answer(PROBLEM), shop.reference(PROBLEM))
