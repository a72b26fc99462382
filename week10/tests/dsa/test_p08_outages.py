"""Problem 8: outages of the cache server (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_checks

PROBLEM = "p08_outages"
pytestmark = pytest.mark.task(8)


def at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, 10, minute, tzinfo=dt.UTC)


@pytest.mark.points(2)
def test_example_from_the_statement(cache_log: SqlPractice) -> None:
    expected = Result(
        ["started", "ended", "failed_checks"],
        [(at(1), at(3), 2), (at(5), at(6), 1), (at(7), None, 2)],
    )
    assert_same_result(cache_log.answer(PROBLEM), expected)


def test_a_missing_check_does_not_end_an_outage(cache_log: SqlPractice) -> None:
    cache_log.conn.execute("DELETE FROM health_checks WHERE at = '2026-03-01 10:06+00'")
    assert cache_log.answer(PROBLEM).rows[1:] == [(at(5), None, 3)]


def test_an_outage_at_the_start(cache_log: SqlPractice) -> None:
    cache_log.conn.execute("UPDATE health_checks SET ok = false WHERE at = '2026-03-01 10:00+00'")
    assert cache_log.answer(PROBLEM).rows[0] == (at(0), at(3), 3)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(cache_log: SqlPractice, seed: int) -> None:
    random_checks(cache_log.conn, seed)
    assert_same_result(cache_log.answer(PROBLEM), cache_log.reference(PROBLEM))
