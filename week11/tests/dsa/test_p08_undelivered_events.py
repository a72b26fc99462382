"""Problem 8: undelivered outbox events (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_outbox

PROBLEM = "p08_undelivered_events"
pytestmark = pytest.mark.task(8)


@pytest.mark.points(2)
def test_example_from_the_statement(jobs: SqlPractice) -> None:
    expected = Result(
        ["id", "topic", "failed_attempts"],
        [(3, "task.done", 2), (4, "task.deleted", 0), (5, "task.done", 1)],
    )
    assert_same_result(jobs.answer(PROBLEM), expected)


def test_a_success_after_failures_or_before_a_stray_retry_is_delivered(jobs: SqlPractice) -> None:
    jobs.conn.execute("INSERT INTO deliveries VALUES (8, 1, false, '2026-03-01 09:05+00')")
    jobs.conn.execute("INSERT INTO deliveries VALUES (9, 5, true, '2026-03-01 09:05+00')")
    assert [row[0] for row in jobs.answer(PROBLEM).rows] == [3, 4]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(jobs: SqlPractice, seed: int) -> None:
    random_outbox(jobs.conn, seed)
    assert_same_result(jobs.answer(PROBLEM), jobs.reference(PROBLEM))
