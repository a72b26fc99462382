"""Problem 5: until the queue is longer (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week11.dsa", "p05_queue_growth")
pytestmark = pytest.mark.task(5)


def oracle(lengths: list[int]) -> list[int]:
    """Look ahead from every sample."""
    return [
        next((j - i for j in range(i + 1, len(lengths)) if lengths[j] > length), 0)
        for i, length in enumerate(lengths)
    ]


def test_example_from_the_statement() -> None:
    assert p05.until_longer([3, 1, 2, 5, 5, 4, 6, 0]) == [3, 1, 1, 3, 2, 1, 0, 0]


def test_edge_cases() -> None:
    assert p05.until_longer([]) == []
    assert p05.until_longer([7]) == [0]
    assert p05.until_longer([2, 2, 2]) == [0, 0, 0]  # equal is not longer
    assert p05.until_longer([1, 2, 3]) == [1, 1, 0]
    assert p05.until_longer([3, 2, 1]) == [0, 0, 0]


@PROPERTY
@given(st.lists(st.integers(0, 6), max_size=30))
def test_matches_a_brute_force_oracle(lengths: list[int]) -> None:
    assert p05.until_longer(lengths) == oracle(lengths)


def test_large_input_is_fast() -> None:
    n = 200_000  # a queue draining for a long time, then a spike: looking ahead is quadratic
    lengths = [*range(n, 0, -1), n + 1]
    with fast_enough("O(n)", n):
        waits = p05.until_longer(lengths)
    assert waits[0] == n
    assert waits[-2:] == [1, 0]
