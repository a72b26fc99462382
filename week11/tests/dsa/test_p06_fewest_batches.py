"""Problem 6: the fewest batches (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("week11.dsa", "p06_fewest_batches")
pytestmark = pytest.mark.task(6)


def oracle(backlog: int, sizes: list[int]) -> int | None:
    """Try every multiset of batches, one batch more at a time."""
    if backlog == 0:
        return 0
    for count in range(1, backlog + 1):  # never more batches than messages
        if any(sum(c) == backlog for c in itertools.combinations_with_replacement(sizes, count)):
            return count
    return None


def test_example_from_the_statement() -> None:
    assert p06.fewest_batches(12, [1, 5, 6, 9]) == 2  # 6 + 6; taking 9 first needs 4 batches
    assert p06.fewest_batches(7, [2, 4]) is None


def test_edge_cases() -> None:
    assert p06.fewest_batches(0, [3]) == 0
    assert p06.fewest_batches(5, [5]) == 1
    assert p06.fewest_batches(3, [5, 10]) is None  # every batch too big
    assert p06.fewest_batches(11, [5, 5, 1]) == 3  # a size listed twice


@PROPERTY
@given(st.integers(0, 14), st.lists(st.integers(1, 9), min_size=1, max_size=4, unique=True))
def test_matches_a_brute_force_oracle(backlog: int, sizes: list[int]) -> None:
    assert p06.fewest_batches(backlog, sizes) == oracle(backlog, sizes)


def test_large_input_is_fast() -> None:
    backlog = 100_000  # 12 sizes: trying every combination never ends
    sizes = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 997]
    with fast_enough("O(backlog x sizes)", backlog):
        batches = p06.fewest_batches(backlog, sizes)
    assert batches == 108  # 100 x 997, then 300 in 8 smaller batches (43 x 7 = 301 misses)
