"""Problem 6: what to cache (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("week10.dsa", "p06_what_to_cache")
pytestmark = pytest.mark.task(6)


def oracle(items: list[tuple[int, int]], memory: int) -> int:
    """Try every choice of items: O(2^n)."""
    return max(
        sum(saving for _, saving in choice)
        for r in range(len(items) + 1)
        for choice in itertools.combinations(items, r)
        if sum(size for size, _ in choice) <= memory
    )


def test_example_from_the_statement() -> None:
    items = [(4, 40), (3, 25), (2, 20), (5, 45)]
    assert p06.best_saving(items, 9) == 85  # sizes 4 + 5
    assert p06.best_saving(items, 5) == 45  # one (5, 45) beats (3, 25) + (2, 20)
    assert p06.best_saving(items, 1) == 0


def test_edge_cases() -> None:
    assert p06.best_saving([], 10) == 0
    assert p06.best_saving([(3, 7)], 0) == 0
    assert p06.best_saving([(3, 7)], 3) == 7  # exactly full
    assert p06.best_saving([(2, 5), (2, 5)], 3) == 5  # each item once, not twice
    # greedy by saving per unit fails: (6, 60) has the best ratio but blocks the other two
    assert p06.best_saving([(6, 60), (5, 45), (5, 45)], 10) == 90


@PROPERTY
@given(st.lists(st.tuples(st.integers(1, 8), st.integers(0, 30)), max_size=9), st.integers(0, 25))
def test_matches_a_brute_force_oracle(items: list[tuple[int, int]], memory: int) -> None:
    assert p06.best_saving(items, memory) == oracle(items, memory)


def test_large_input_is_fast() -> None:
    n, memory = 100, 10_000  # 2^100 choices; 10^6 steps for the table
    items = [(50 + (i * 37) % 400, 100 + (i * 53) % 900) for i in range(n)]
    with fast_enough("O(n x memory)", n * memory):
        best = p06.best_saving(items, memory)
    assert best > 0
    assert best <= sum(saving for _, saving in items)
