"""Problem 7: each hour's hot keys (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_events

PROBLEM = "p07_hot_keys"
pytestmark = pytest.mark.task(7)


def hour(h: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, h)


@pytest.mark.points(2)
def test_example_from_the_statement(cache_log: SqlPractice) -> None:
    expected = Result(
        ["hour", "key", "lookups", "hits"],
        [(hour(9), "user:1", 3, 2), (hour(9), "stats", 2, 1), (hour(9), "task:7", 2, 1),
         (hour(10), "stats", 3, 3), (hour(10), "user:1", 1, 0), (hour(10), "user:2", 1, 1)],
    )  # fmt: skip
    assert_same_result(cache_log.answer(PROBLEM), expected)


def test_hours_are_utc_hours(cache_log: SqlPractice) -> None:
    cache_log.conn.execute("SET LOCAL TimeZone = 'Asia/Kolkata'")  # +05:30, a client's setting
    assert cache_log.answer(PROBLEM).rows[0] == (hour(9), "user:1", 3, 2)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(cache_log: SqlPractice, seed: int) -> None:
    random_events(cache_log.conn, seed)
    assert_same_result(cache_log.answer(PROBLEM), cache_log.reference(PROBLEM))
