"""Problem 7: latency percentiles (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_requests

PROBLEM = "p07_latency_percentiles"
pytestmark = pytest.mark.task(7)


@pytest.mark.points(2)
def test_example_from_the_statement(realtime: SqlPractice) -> None:
    expected = Result(
        ["endpoint", "requests", "p50_ms", "p95_ms"],
        [("GET /tasks", 5, 14, 195), ("POST /tasks", 3, 45, 58.5), ("GET /ws/stats", 1, 5, 5)],
    )
    assert_same_result(realtime.answer(PROBLEM), expected)


def test_percentiles_interpolate_between_samples(realtime: SqlPractice) -> None:
    realtime.conn.execute("TRUNCATE requests")
    realtime.conn.execute(
        "INSERT INTO requests SELECT g, 'GET /a', g * 10, now() FROM generate_series(1, 4) g"
    )  # 10, 20, 30, 40: the median 25 and the 95th percentile 38.5 are no sample
    assert realtime.answer(PROBLEM).rows == [("GET /a", 4, 25, 38.5)]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(realtime: SqlPractice, seed: int) -> None:
    random_requests(realtime.conn, seed)
    assert_same_result(realtime.answer(PROBLEM), realtime.reference(PROBLEM))
