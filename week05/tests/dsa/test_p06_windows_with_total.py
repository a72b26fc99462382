"""Problem 6: ledger windows with a total (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("week05.dsa", "p06_windows_with_total")
pytestmark = pytest.mark.task(6)


def oracle(deltas: list[int], total: int) -> int:
    return sum(
        sum(deltas[i:j]) == total for i in range(len(deltas)) for j in range(i + 1, len(deltas) + 1)
    )


@pytest.mark.parametrize(
    ("deltas", "total", "expected"),
    [
        ([3, 4, 7, 2, -3, 1, 4, 2], 7, 4),
        ([1, 1, 1], 2, 2),
        ([5, -5, 5], 0, 2),
    ],
)
def test_examples_from_the_statement(deltas: list[int], total: int, expected: int) -> None:
    assert p06.windows_with_total(deltas, total) == expected


def test_edge_cases() -> None:
    assert p06.windows_with_total([], 0) == 0  # no window is empty
    assert p06.windows_with_total([0, 0, 0], 0) == 6  # every one of the 6 windows
    assert p06.windows_with_total([10], 10) == 1
    assert p06.windows_with_total([1, 2, 3], 100) == 0


@PROPERTY
@given(st.lists(st.integers(-5, 5), max_size=20), st.integers(-8, 8))
def test_matches_a_brute_force_oracle(deltas: list[int], total: int) -> None:
    assert p06.windows_with_total(deltas, total) == oracle(deltas, total)


def test_large_input_is_fast() -> None:
    n = 200_000
    deltas = [1, -1] * (n // 2)
    with fast_enough("O(n)", n):
        found = p06.windows_with_total(deltas, 0)
    assert found == (n // 2) ** 2  # every window of even length sums to 0
