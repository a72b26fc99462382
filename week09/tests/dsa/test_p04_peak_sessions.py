"""Problem 4: the peak of concurrent sessions (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week09.dsa", "p04_peak_sessions")
pytestmark = pytest.mark.task(4)


def oracle(sessions: list[tuple[int, int]]) -> tuple[int, int | None]:
    """Count the sessions active at every start (a peak always begins at one): quadratic."""
    best: tuple[int, int | None] = (0, None)
    for second in sorted(start for start, _ in sessions):
        active = sum(start <= second < end for start, end in sessions)
        if active > best[0]:
            best = (active, second)
    return best


def test_example_from_the_statement() -> None:
    sessions = [(0, 30), (10, 20), (20, 40), (25, 35), (40, 50)]
    assert p04.peak_sessions(sessions) == (3, 25)


def test_edge_cases() -> None:
    assert p04.peak_sessions([]) == (0, None)
    assert p04.peak_sessions([(5, 6)]) == (1, 5)
    assert p04.peak_sessions([(0, 10), (10, 20)]) == (1, 0)  # one ends as the other starts
    assert p04.peak_sessions([(3, 9), (3, 4), (3, 5)]) == (3, 3)
    assert p04.peak_sessions([(0, 2), (1, 3), (7, 9), (8, 9)]) == (2, 1)  # the earliest peak


sessions = st.tuples(st.integers(0, 20), st.integers(1, 10)).map(lambda p: (p[0], p[0] + p[1]))


@PROPERTY
@given(st.lists(sessions, max_size=20))
def test_matches_a_brute_force_oracle(sessions: list[tuple[int, int]]) -> None:
    assert p04.peak_sessions(sessions) == oracle(sessions)


def test_large_input_is_fast() -> None:
    n = 200_000  # sessions of 1,000 seconds starting every 10: 100 at once from second 990
    sessions = [(i * 10, i * 10 + 1_000) for i in range(n)]
    with fast_enough("O(n log n)", n):
        peak = p04.peak_sessions(sessions)
    assert peak == (100, 990)
