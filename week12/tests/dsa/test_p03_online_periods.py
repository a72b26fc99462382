"""Problem 3: online periods (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week12.dsa", "p03_online_periods")
pytestmark = pytest.mark.task(3)


def oracle(sessions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Mark every half second covered, ends included (so a touching end and start join, a gap of
    a second does not), then read the runs of marks."""
    covered = {h for start, end in sessions for h in range(2 * start, 2 * end + 1)}
    runs: list[tuple[int, int]] = []
    for half in sorted(covered):
        if runs and half == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], half)
        else:
            runs.append((half, half))
    return [(first // 2, last // 2) for first, last in runs]


def test_example_from_the_statement() -> None:
    sessions = [(30, 45), (0, 10), (5, 20), (20, 25), (50, 60)]
    assert p03.online_periods(sessions) == [(0, 25), (30, 45), (50, 60)]


def test_edge_cases() -> None:
    assert p03.online_periods([]) == []
    assert p03.online_periods([(3, 4)]) == [(3, 4)]
    assert p03.online_periods([(0, 10), (2, 3)]) == [(0, 10)]  # one inside another
    assert p03.online_periods([(0, 5), (5, 6)]) == [(0, 6)]  # touching: a reconnect
    assert p03.online_periods([(0, 5), (6, 7)]) == [(0, 5), (6, 7)]  # a one-second gap
    assert p03.online_periods([(1, 2), (1, 2)]) == [(1, 2)]


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=12))
def test_matches_a_brute_force_oracle(starts_and_lengths: list[tuple[int, int]]) -> None:
    sessions = [(start, start + length) for start, length in starts_and_lengths]
    assert p03.online_periods(sessions) == oracle(sessions)


def test_large_input_is_fast() -> None:
    n = 200_000  # nested and chained sessions: merging each into a list of periods is quadratic
    sessions = [(i * 10, i * 10 + 15) for i in range(n // 2)]  # each overlaps the next
    sessions += [(i * 10**7, i * 10**7 + 1) for i in range(1, n // 2 + 1)]  # far apart
    with fast_enough("O(n log n)", n):
        periods = p03.online_periods(sessions)
    assert periods[0] == (0, (n // 2 - 1) * 10 + 15)
    assert len(periods) == 1 + n // 2
