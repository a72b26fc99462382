"""Problem 1: refund matching (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week05.dsa", "p01_pair_with_sum")
pytestmark = pytest.mark.task(1)


def oracle(amounts: list[int], target: int) -> tuple[int, int] | None:
    """Every pair in the statement's order: quadratic, and plainly right."""
    for j in range(len(amounts)):
        for i in range(j):
            if amounts[i] + amounts[j] == target:
                return i, j
    return None


@pytest.mark.parametrize(
    ("amounts", "target", "expected"),
    [
        ([40, 15, 60, 25], 100, (0, 2)),
        ([30, 50, 20, 50], 100, (1, 3)),
        ([10, 20, 30], 100, None),
    ],
)
def test_examples_from_the_statement(
    amounts: list[int], target: int, expected: tuple[int, int] | None
) -> None:
    assert p01.pair_with_sum(amounts, target) == expected


def test_the_earliest_second_index_wins_then_the_earliest_first_index() -> None:
    # (1, 2) ends earlier than (0, 3); for j = 3 both 0 and 1 would do: 0 is the answer.
    assert p01.pair_with_sum([5, 5, 5, 5], 10) == (0, 1)
    assert p01.pair_with_sum([1, 7, 3, 9], 10) == (1, 2)
    assert p01.pair_with_sum([4, 4, 6], 10) == (0, 2)


def test_edge_cases() -> None:
    assert p01.pair_with_sum([], 0) is None
    assert p01.pair_with_sum([5], 10) is None  # one amount cannot pair with itself
    assert p01.pair_with_sum([-5, 3, 15], 10) == (0, 2)  # refunds are negative
    assert p01.pair_with_sum([0, 0], 0) == (0, 1)


@PROPERTY
@given(st.lists(st.integers(-20, 20), max_size=30), st.integers(-40, 40))
def test_matches_a_brute_force_oracle(amounts: list[int], target: int) -> None:
    assert p01.pair_with_sum(amounts, target) == oracle(amounts, target)


def test_large_input_is_fast() -> None:
    n = 200_000
    amounts = [*range(1, n - 1), 10 * n, 11 * n]  # the only pair: the last two
    with fast_enough("O(n)", n):
        found = p01.pair_with_sum(amounts, 21 * n)
    assert found == (n - 2, n - 1)
