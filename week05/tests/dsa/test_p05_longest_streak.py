"""Problem 5: the longest streak of active days (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week05.dsa", "p05_longest_streak")
pytestmark = pytest.mark.task(5)


def oracle(days: list[int]) -> int:
    best = run = 0
    previous: int | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day == previous + 1 else 1
        best, previous = max(best, run), day
    return best


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([100, 4, 200, 1, 3, 2], 4),
        ([10, 12, 11, 11, 30], 3),
        ([7], 1),
    ],
)
def test_examples_from_the_statement(days: list[int], expected: int) -> None:
    assert p05.longest_streak(days) == expected


def test_edge_cases() -> None:
    assert p05.longest_streak([]) == 0
    assert p05.longest_streak([5, 5, 5]) == 1
    assert p05.longest_streak([-2, -1, 0, 1]) == 4
    assert p05.longest_streak([1, 3, 5, 7]) == 1


@PROPERTY
@given(st.lists(st.integers(-15, 15), max_size=30))
def test_matches_a_brute_force_oracle(days: list[int]) -> None:
    assert p05.longest_streak(days) == oracle(days)


def test_large_input_is_fast() -> None:
    n = 200_000
    days = list(range(n, 0, -2)) + list(range(1, n, 2))  # every day from 1 to n, shuffled a bit
    with fast_enough("O(n)", n):
        best = p05.longest_streak(days)
    assert best == n
