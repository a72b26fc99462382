"""The TDD walkthrough's tests, in the order they were written (docs/tdd-walkthrough.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from week02.lectures.l2_tdd import parse_duration


def test_step1_minutes() -> None:
    assert parse_duration("45m") == dt.timedelta(minutes=45)


def test_step2_hours_and_minutes() -> None:
    assert parse_duration("1h30m") == dt.timedelta(hours=1, minutes=30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("90s", dt.timedelta(seconds=90)), ("2h5s", dt.timedelta(hours=2, seconds=5))],
)
def test_step3_seconds_and_any_combination(text: str, expected: dt.timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "10", "5x", "30m1h", "1h1h", "-5m"])
def test_step4_anything_else_is_a_clear_error(text: str) -> None:
    with pytest.raises(ValueError, match="expected a duration such as 1h30m"):
        parse_duration(text)


def test_step5_spaces_and_capitals_are_tolerated() -> None:
    assert parse_duration(" 2H ") == dt.timedelta(hours=2)
