"""Problem 6: the slowest requests per service (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_log

PROBLEM = "p06_slowest_per_service"
pytestmark = pytest.mark.task(6)


@pytest.mark.points(2)
def test_example_from_the_statement(log: SqlPractice) -> None:
    expected = Result(
        ["service", "id", "duration_ms", "place"],
        [("auth", 2, 300, 1), ("auth", 3, 300, 1), ("auth", 1, 120, 2),
         ("tasks", 6, 95, 1), ("tasks", 7, 60, 2)],
    )  # fmt: skip
    assert_same_result(log.answer(PROBLEM), expected)


def test_a_service_with_one_request_has_it_first(log: SqlPractice) -> None:
    log.conn.execute("INSERT INTO requests VALUES (9, 'billing', '/pay', 10, '2026-03-01')")
    rows = log.answer(PROBLEM).rows
    assert ("billing", 9, 10, 1) in rows
    assert len(rows) == 6


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(log: SqlPractice, seed: int) -> None:
    random_log(log.conn, seed)
    assert_same_result(log.answer(PROBLEM), log.reference(PROBLEM))
