"""Problem 2: peaks per window (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week12.dsa", "p02_window_peaks")
pytestmark = pytest.mark.task(2)


def oracle(connections: list[int], width: int) -> list[int]:
    """Take the maximum of every window."""
    return [max(connections[i : i + width]) for i in range(len(connections) - width + 1)]


def test_example_from_the_statement() -> None:
    assert p02.window_peaks([3, 5, 4, 1, 2, 6, 2, 2], 3) == [5, 5, 4, 6, 6, 6]


def test_edge_cases() -> None:
    assert p02.window_peaks([], 1) == []
    assert p02.window_peaks([4, 2], 3) == []  # fewer samples than the width: no window
    assert p02.window_peaks([4, 2, 7], 1) == [4, 2, 7]
    assert p02.window_peaks([4, 2, 7], 3) == [7]
    assert p02.window_peaks([5, 5, 5, 1], 2) == [5, 5, 5]  # equal samples
    assert p02.window_peaks([9, 8, 7, 6], 2) == [9, 8, 7]  # the peak leaves every window


@PROPERTY
@given(st.lists(st.integers(0, 9), max_size=25), st.integers(1, 6))
def test_matches_a_brute_force_oracle(connections: list[int], width: int) -> None:
    assert p02.window_peaks(connections, width) == oracle(connections, width)


def test_large_input_is_fast() -> None:
    n = 200_000  # a window of 100,000 samples: taking each window's max is 10^10 steps
    connections = [(i * 7_919) % 100_003 for i in range(n)]
    with fast_enough("O(n)", n):
        peaks = p02.window_peaks(connections, 100_000)
    assert len(peaks) == 100_001
    assert peaks[0] == max(connections[:100_000])
    assert peaks[-1] == max(connections[-100_000:])
