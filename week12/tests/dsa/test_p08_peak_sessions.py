"""Problem 8: the peak of concurrent sessions (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_sessions

PROBLEM = "p08_peak_sessions"
pytestmark = pytest.mark.task(8)


def at(hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, hour, minute, tzinfo=dt.UTC)


@pytest.mark.points(2)
def test_example_from_the_statement(realtime: SqlPractice) -> None:
    expected = Result(
        ["room", "peak", "peak_at"],
        [("lobby", 3, at(9, 15)), ("standup", 1, at(10, 0)), ("support", 2, at(11, 30))],
    )
    assert_same_result(realtime.answer(PROBLEM), expected)


def test_sessions_starting_together_all_count(realtime: SqlPractice) -> None:
    realtime.conn.execute("TRUNCATE sessions")
    realtime.conn.execute(
        "INSERT INTO sessions SELECT g, 'all-hands', '2026-03-01 09:00Z', "
        "'2026-03-01 09:00Z'::timestamptz + g * interval '1 minute' FROM generate_series(1, 5) g"
    )
    assert realtime.answer(PROBLEM).rows == [("all-hands", 5, at(9, 0))]


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(realtime: SqlPractice, seed: int) -> None:
    random_sessions(realtime.conn, seed)
    assert_same_result(realtime.answer(PROBLEM), realtime.reference(PROBLEM))
