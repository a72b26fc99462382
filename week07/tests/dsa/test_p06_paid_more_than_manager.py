"""Problem 6: paid more than the manager (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_staff

PROBLEM = "p06_paid_more_than_manager"
pytestmark = pytest.mark.task(6)


@pytest.mark.points(2)
def test_example_from_the_statement(staff: SqlPractice) -> None:
    expected = Result(
        ["id", "name", "salary", "manager_salary"],
        [(4, "Ken", Decimal(210), Decimal(200)), (7, "Margaret", Decimal(160), Decimal(150))],
    )
    assert_same_result(staff.answer(PROBLEM), expected)


def test_the_same_salary_is_not_more(staff: SqlPractice) -> None:
    staff.conn.execute("INSERT INTO employees VALUES (8, 'Alan', 6, 90)")  # Edsger earns 90 too
    assert [row[0] for row in staff.answer(PROBLEM).rows] == [4, 7]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(staff: SqlPractice, seed: int) -> None:
    random_staff(staff.conn, seed)
    assert_same_result(staff.answer(PROBLEM), staff.reference(PROBLEM))
