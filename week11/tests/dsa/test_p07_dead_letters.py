"""Problem 7: dead letters per hour (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_jobs

PROBLEM = "p07_dead_letters"
pytestmark = pytest.mark.task(7)


def hour(h: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, h)


@pytest.mark.points(2)
def test_example_from_the_statement(jobs: SqlPractice) -> None:
    expected = Result(
        ["hour", "finished", "dead", "dead_so_far"],
        [(hour(9), 3, 1, 1), (hour(10), 1, 1, 2), (hour(11), 1, 1, 3), (hour(12), 2, 0, 3)],
    )
    assert_same_result(jobs.answer(PROBLEM), expected)


def test_hours_are_utc_whatever_the_session_time_zone(jobs: SqlPractice) -> None:
    jobs.conn.execute("SET LOCAL TimeZone = 'Asia/Kolkata'")  # a half-hour offset
    assert jobs.answer(PROBLEM).rows[0] == (hour(9), 3, 1, 1)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(jobs: SqlPractice, seed: int) -> None:
    random_jobs(jobs.conn, seed)
    assert_same_result(jobs.answer(PROBLEM), jobs.reference(PROBLEM))
