"""Problem 7: deploys per week (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from testkit.dsa import Result, SqlPractice, assert_same_result

from .conftest import random_deploys

PROBLEM = "p07_weekly_deploys"
pytestmark = pytest.mark.task(7)

WEEKS = [dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16)]


@pytest.mark.points(2)
def test_example_from_the_statement(deploys: SqlPractice) -> None:
    counts = {"api": [(4, 2), (0, 0), (2, 1)], "web": [(1, 0), (0, 0), (3, 2)],
              "worker": [(0, 0)] * 3}  # fmt: skip
    rows = [
        (service, week, *count)
        for service, weekly in counts.items()
        for week, count in zip(WEEKS, weekly, strict=True)
    ]
    expected = Result(["service", "week", "deploys", "failed"], rows)
    assert_same_result(deploys.answer(PROBLEM), expected)


def test_no_deploys_no_weeks(deploys: SqlPractice) -> None:
    deploys.conn.execute("DELETE FROM deploys")
    assert deploys.answer(PROBLEM).rows == []


def test_a_sunday_night_deploy_belongs_to_its_week(deploys: SqlPractice) -> None:
    deploys.conn.execute(
        "INSERT INTO deploys VALUES (11, 'worker', '0.1.0', '2026-03-22 23:59:59+00', 'failed')"
    )
    rows = [row for row in deploys.answer(PROBLEM).rows if row[0] == "worker"]
    assert rows[-1] == ("worker", dt.date(2026, 3, 16), 1, 1)
    assert len(rows) == 3  # still three weeks: the 22nd is a Sunday


@pytest.mark.parametrize("seed", [1, 2])
def test_same_result_as_the_reference_on_random_data(deploys: SqlPractice, seed: int) -> None:
    random_deploys(deploys.conn, seed)
    assert_same_result(deploys.answer(PROBLEM), deploys.reference(PROBLEM))
