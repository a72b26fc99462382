"""Problem 8: slowdowns (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_log

PROBLEM = "p08_slowdowns"
pytestmark = pytest.mark.task(8)


@pytest.mark.points(2)
def test_example_from_the_statement(log: SqlPractice) -> None:
    expected = Result(
        ["service", "id", "duration_ms", "previous_ms"],
        [("auth", 2, 300, 120), ("tasks", 6, 95, 40)],
    )
    assert_same_result(log.answer(PROBLEM), expected)


def test_the_previous_request_is_by_time_not_by_id(log: SqlPractice) -> None:
    # id 9 is the earliest tasks request: 40 ms (id 5) now follows 15 ms, more than twice as slow
    log.conn.execute("INSERT INTO requests VALUES (9, 'tasks', '/tasks', 15, '2026-02-28')")
    assert ("tasks", 5, 40, 15) in log.answer(PROBLEM).rows


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(log: SqlPractice, seed: int) -> None:
    random_log(log.conn, seed)
    assert_same_result(log.answer(PROBLEM), log.reference(PROBLEM))
