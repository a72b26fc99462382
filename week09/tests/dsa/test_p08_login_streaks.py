"""Problem 8: the longest login streaks (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_logins

PROBLEM = "p08_login_streaks"
pytestmark = pytest.mark.task(8)


def day(n: int) -> dt.date:
    return dt.date(2026, 3, n)


@pytest.mark.points(2)
def test_example_from_the_statement(access: SqlPractice) -> None:
    expected = Result(
        ["user_id", "first_day", "last_day", "days"],
        [(1, day(1), day(3), 3), (2, day(4), day(5), 2), (3, day(1), day(1), 1)],
    )
    assert_same_result(access.answer(PROBLEM), expected)


def test_days_are_counted_in_utc(access: SqlPractice) -> None:
    access.conn.execute("SET LOCAL TimeZone = 'Asia/Tokyo'")  # a client's session setting
    assert access.answer(PROBLEM).rows[0] == (1, day(1), day(3), 3)


def test_a_tie_goes_to_the_earliest_run(access: SqlPractice) -> None:
    access.conn.execute("INSERT INTO logins VALUES (12, 2, '2026-03-01 12:00+00')")
    assert (2, day(1), day(2), 2) in access.answer(PROBLEM).rows


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(access: SqlPractice, seed: int) -> None:
    random_logins(access.conn, seed)
    assert_same_result(access.answer(PROBLEM), access.reference(PROBLEM))
