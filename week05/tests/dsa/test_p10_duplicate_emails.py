"""Problem 10: shared email addresses (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_shop

PROBLEM = "p10_duplicate_emails"
pytestmark = pytest.mark.task(10)


@pytest.mark.points(2)
def test_example_from_the_statement(shop: SqlPractice) -> None:
    expected = Result(
        ["email", "accounts", "first_id"],
        [("ada@example.com", 2, 1), ("grace@example.com", 2, 2)],
    )
    assert_same_result(shop.answer(PROBLEM), expected)


def test_no_duplicates_no_rows(shop: SqlPractice) -> None:
    shop.conn.execute("DELETE FROM orders WHERE customer_id IN (4, 7)")
    shop.conn.execute("DELETE FROM customers WHERE id IN (4, 7)")
    assert shop.answer(PROBLEM).rows == []


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(shop: SqlPractice, seed: int) -> None:
    random_shop(shop.conn, seed)
    assert_same_result(shop.answer(PROBLEM), shop.reference(PROBLEM))
