"""Problem 6: a key rotation's nightly budget (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("week09.dsa", "p06_key_rotation_budget")
pytestmark = pytest.mark.task(6)


def oracle(costs: list[int], nights: int) -> int:
    """Try every way to cut the records into at most ``nights`` runs: exponential."""
    best = sum(costs)

    def cut(start: int, left: int, largest: int) -> None:
        nonlocal best
        if start == len(costs):
            best = min(best, largest)
            return
        if left == 0:
            return
        for end in range(start + 1, len(costs) + 1):
            cut(end, left - 1, max(largest, sum(costs[start:end])))

    cut(0, nights, 0)
    return best


def test_example_from_the_statement() -> None:
    costs = [7, 2, 5, 10, 8]
    assert p06.smallest_budget(costs, 2) == 18
    assert p06.smallest_budget(costs, 3) == 14
    assert p06.smallest_budget(costs, 5) == 10


def test_edge_cases() -> None:
    assert p06.smallest_budget([4], 1) == 4
    assert p06.smallest_budget([1, 1, 1, 1], 1) == 4  # one night: everything
    assert p06.smallest_budget([1, 1, 9, 1], 3) == 9  # never below the largest record
    assert p06.smallest_budget([1_000_000] * 3, 2) == 2_000_000


@PROPERTY
@given(st.lists(st.integers(1, 20), min_size=1, max_size=8), st.integers(1, 8))
def test_matches_a_brute_force_oracle(costs: list[int], nights: int) -> None:
    nights = min(nights, len(costs))
    assert p06.smallest_budget(costs, nights) == oracle(costs, nights)


def test_large_input_is_fast() -> None:
    n = 50_000  # budgets from 10^6 to 2.5 x 10^10: trying them one by one never ends
    costs = [(i * 7_919) % 1_000_000 + 1 for i in range(n)]
    with fast_enough("O(n log(sum of costs))", n):
        budget = p06.smallest_budget(costs, 7)
    assert budget >= sum(costs) / 7
    assert budget < sum(costs) / 7 + 1_000_000  # within one record of an even split
