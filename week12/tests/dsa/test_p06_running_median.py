"""Problem 6: a running median (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("week12.dsa", "p06_running_median")
pytestmark = pytest.mark.task(6)


def oracle(latencies: list[int]) -> list[int]:
    """Sort the samples so far after each one."""
    medians = []
    for m in range(1, len(latencies) + 1):
        medians.append(sorted(latencies[:m])[(m - 1) // 2])
    return medians


def test_example_from_the_statement() -> None:
    assert p06.running_p50([40, 12, 90, 15, 15, 300]) == [40, 12, 40, 15, 15, 15]


def test_edge_cases() -> None:
    assert p06.running_p50([]) == []
    assert p06.running_p50([7]) == [7]
    assert p06.running_p50([5, 5, 5]) == [5, 5, 5]
    assert p06.running_p50([1, 2, 3, 4]) == [1, 1, 2, 2]  # the lower middle one when even
    assert p06.running_p50([4, 3, 2, 1]) == [4, 3, 3, 2]


@PROPERTY
@given(st.lists(st.integers(0, 20), max_size=30))
def test_matches_a_brute_force_oracle(latencies: list[int]) -> None:
    assert p06.running_p50(latencies) == oracle(latencies)


def test_large_input_is_fast() -> None:
    n = 600_000  # sorting after every sample is O(n^2 log n); even a sorted insert is quadratic
    latencies = [(i * 7_919) % 1_000_003 for i in range(n)]
    with fast_enough("O(n log n)", n):
        medians = p06.running_p50(latencies)
    assert medians[-1] == sorted(latencies)[(n - 1) // 2]
    assert medians[:5] == oracle(latencies[:5])
