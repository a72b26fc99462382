"""Problem 2: waits for a higher load (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week06.dsa", "p02_wait_for_higher_load")
pytestmark = pytest.mark.task(2)


def oracle(loads: list[int]) -> list[int]:
    """Look ahead from every minute: quadratic, and plainly right."""
    waits = []
    for minute, load in enumerate(loads):
        later = [m for m in range(minute + 1, len(loads)) if loads[m] > load]
        waits.append(later[0] - minute if later else 0)
    return waits


@pytest.mark.parametrize(
    ("loads", "expected"),
    [
        ([30, 40, 35, 32, 50, 20], [1, 3, 2, 1, 0, 0]),
        ([10, 10, 20], [2, 1, 0]),
        ([5, 4, 3], [0, 0, 0]),
    ],
)
def test_examples_from_the_statement(loads: list[int], expected: list[int]) -> None:
    assert p02.wait_for_higher(loads) == expected


def test_edge_cases() -> None:
    assert p02.wait_for_higher([]) == []
    assert p02.wait_for_higher([7]) == [0]
    assert p02.wait_for_higher([7, 7, 7]) == [0, 0, 0]  # equal is not higher


@PROPERTY
@given(st.lists(st.integers(0, 9), max_size=30))
def test_matches_a_brute_force_oracle(loads: list[int]) -> None:
    assert p02.wait_for_higher(loads) == oracle(loads)


def test_large_input_is_fast() -> None:
    n = 200_000
    loads = [*range(n, 0, -1), n + 1]  # falling all day, then one peak at the end
    with fast_enough("O(n)", n):
        waits = p02.wait_for_higher(loads)
    assert waits[0] == n
    assert waits[n - 1] == 1
