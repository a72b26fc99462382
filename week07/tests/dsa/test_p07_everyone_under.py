"""Problem 7: everyone under employee 2 (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_staff

PROBLEM = "p07_everyone_under"
pytestmark = pytest.mark.task(7)


@pytest.mark.points(2)
def test_example_from_the_statement(staff: SqlPractice) -> None:
    expected = Result(["id", "name", "level"], [(4, "Ken", 1), (5, "Barbara", 1), (6, "Edsger", 2)])
    assert_same_result(staff.answer(PROBLEM), expected)


def test_deeper_levels_are_followed(staff: SqlPractice) -> None:
    staff.conn.execute("INSERT INTO employees VALUES (8, 'Alan', 6, 50), (9, 'Kurt', 8, 50)")
    assert staff.answer(PROBLEM).rows[-2:] == [(8, "Alan", 3), (9, "Kurt", 4)]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(staff: SqlPractice, seed: int) -> None:
    random_staff(staff.conn, seed)
    assert_same_result(staff.answer(PROBLEM), staff.reference(PROBLEM))
