"""Problem 7: a daily running total (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_log

PROBLEM = "p07_daily_running_total"
pytestmark = pytest.mark.task(7)


def day(n: int) -> dt.date:
    return dt.date(2026, 3, n)


@pytest.mark.points(2)
def test_example_from_the_statement(log: SqlPractice) -> None:
    expected = Result(
        ["service", "day", "requests", "running_total"],
        [("auth", day(1), 2, 2), ("auth", day(2), 1, 3), ("auth", day(3), 1, 4),
         ("tasks", day(1), 2, 2), ("tasks", day(3), 2, 4)],
    )  # fmt: skip
    assert_same_result(log.answer(PROBLEM), expected)


def test_days_are_counted_in_utc(log: SqlPractice) -> None:
    log.conn.execute("SET LOCAL TimeZone = 'America/New_York'")  # a client's session setting
    log.conn.execute("INSERT INTO requests VALUES (9, 'tasks', '/tasks', 5, '2026-03-04 01:00+00')")
    assert log.answer(PROBLEM).rows[-1] == ("tasks", day(4), 1, 5)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(log: SqlPractice, seed: int) -> None:
    random_log(log.conn, seed)
    assert_same_result(log.answer(PROBLEM), log.reference(PROBLEM))
