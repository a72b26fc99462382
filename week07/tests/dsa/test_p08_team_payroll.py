"""Problem 8: team payroll (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_staff

PROBLEM = "p08_team_payroll"
pytestmark = pytest.mark.task(8)


@pytest.mark.points(2)
def test_example_from_the_statement(staff: SqlPractice) -> None:
    totals = [(1, "Ada", 1230), (2, "Grace", 620), (3, "Linus", 310), (4, "Ken", 300),
              (5, "Barbara", 120), (6, "Edsger", 90), (7, "Margaret", 160)]  # fmt: skip
    expected = Result(["id", "name", "team_salary"], [(i, n, Decimal(t)) for i, n, t in totals])
    assert_same_result(staff.answer(PROBLEM), expected)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(staff: SqlPractice, seed: int) -> None:
    random_staff(staff.conn, seed)
    assert_same_result(staff.answer(PROBLEM), staff.reference(PROBLEM))
