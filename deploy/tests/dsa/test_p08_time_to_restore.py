"""Problem 8: time to restore (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_deploys

PROBLEM = "p08_time_to_restore"
pytestmark = pytest.mark.task(8)


def at(day: int, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, second, tzinfo=dt.UTC)


@pytest.mark.points(2)
def test_example_from_the_statement(deploys: SqlPractice) -> None:
    expected = Result(
        ["id", "service", "failed_at", "restored_at", "minutes"],
        [
            (2, "api", at(3, 15, 0), at(3, 16, 25), 85),
            (3, "api", at(3, 15, 40), at(3, 16, 25), 45),
            (6, "web", at(16, 11, 0), at(18, 10, 10, 30), 2830),
            (8, "web", at(18, 9, 30), at(18, 10, 10, 30), 40),
            (10, "api", at(19, 8, 0), None, None),
        ],
    )
    assert_same_result(deploys.answer(PROBLEM), expected)


def test_a_success_of_another_service_or_at_the_same_time_does_not_restore(
    deploys: SqlPractice,
) -> None:
    deploys.conn.execute(
        "INSERT INTO deploys VALUES "
        "(11, 'web', '2.2.0', '2026-03-19 08:30+00', 'succeeded'), "
        "(12, 'api', '1.5.2', '2026-03-19 08:00+00', 'succeeded')"
    )
    assert deploys.answer(PROBLEM).rows[-1] == (10, "api", at(19, 8, 0), None, None)


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(deploys: SqlPractice, seed: int) -> None:
    random_deploys(deploys.conn, seed)
    assert_same_result(deploys.answer(PROBLEM), deploys.reference(PROBLEM))
