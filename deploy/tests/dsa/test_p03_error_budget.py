"""Problem 3: the longest run within an error budget (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("deploy.dsa", "p03_error_budget")
pytestmark = pytest.mark.task(3)


def oracle(checks: list[bool], budget: int) -> tuple[int, int]:
    """Try every slice, longest first, earliest first."""
    for length in range(len(checks), 0, -1):
        for start in range(len(checks) - length + 1):
            if checks[start : start + length].count(False) <= budget:
                return (start, start + length)
    return (0, 0)


def test_example_from_the_statement() -> None:
    ok, ko = True, False
    checks = [ok, ko, ok, ok, ko, ok, ok, ok, ko, ko, ok]
    assert p03.longest_within_budget(checks, 1) == (2, 8)
    assert p03.longest_within_budget(checks, 0) == (5, 8)
    assert p03.longest_within_budget(checks, 2) == (0, 8)


def test_edge_cases() -> None:
    assert p03.longest_within_budget([], 3) == (0, 0)
    assert p03.longest_within_budget([False, False], 0) == (0, 0)  # every check failed
    assert p03.longest_within_budget([False, False], 5) == (0, 2)  # the budget covers them all
    assert p03.longest_within_budget([True, False, True], 0) == (0, 1)  # the earliest longest


@PROPERTY
@given(st.lists(st.booleans(), max_size=20), st.integers(0, 4))
def test_matches_a_brute_force_oracle(checks: list[bool], budget: int) -> None:
    assert p03.longest_within_budget(checks, budget) == oracle(checks, budget)


def test_large_input_is_fast() -> None:
    n = 300_000  # every slice is 4.5 x 10^10
    checks = [i % 100 != 0 for i in range(n)]  # one failure every 100 checks
    with fast_enough("O(n)", n):
        window = p03.longest_within_budget(checks, 1_000)
    assert window == (1, 100_100)
