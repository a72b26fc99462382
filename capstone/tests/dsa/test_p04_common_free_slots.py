"""Problem 4: common free slots (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("capstone.dsa", "p04_common_free_slots")
pytestmark = pytest.mark.task(4)

Slots = list[tuple[int, int]]


def oracle(a: Slots, b: Slots, duration: int) -> Slots:
    """Intersect every pair of slots."""
    pairs = [(max(s, t), min(e, f)) for s, e in a for t, f in b]
    return sorted((start, end) for start, end in pairs if end - start >= duration)


def test_example_from_the_statement() -> None:
    ana = [(9, 12), (13, 17)]
    ben = [(10, 11), (12, 16), (17, 19)]
    assert p04.common_free_slots(ana, ben, 1) == [(10, 11), (13, 16)]
    assert p04.common_free_slots(ana, ben, 2) == [(13, 16)]
    assert p04.common_free_slots(ana, ben, 4) == []


def test_edge_cases() -> None:
    assert p04.common_free_slots([], [(0, 10)], 1) == []
    assert p04.common_free_slots([(0, 5)], [(5, 9)], 1) == []  # touching is not overlapping
    assert p04.common_free_slots([(0, 100)], [(10, 20), (30, 40)], 10) == [(10, 20), (30, 40)]
    assert p04.common_free_slots([(2, 4)], [(0, 10)], 3) == []  # inside, but too short
    assert p04.common_free_slots([(0, 10)], [(0, 10)], 10) == [(0, 10)]


@st.composite
def calendars(draw: st.DrawFn) -> Slots:
    """Sorted, disjoint slots: cut points in order, every other gap a slot."""
    points = sorted(draw(st.sets(st.integers(0, 40), max_size=10)))
    return [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]


@PROPERTY
@given(calendars(), calendars(), st.integers(1, 6))
def test_matches_a_brute_force_oracle(a: Slots, b: Slots, duration: int) -> None:
    assert p04.common_free_slots(a, b, duration) == oracle(a, b, duration)


def test_large_input_is_fast() -> None:
    n = 100_000  # slots each: intersecting every pair is 10^10
    a = [(10 * i, 10 * i + 6) for i in range(n)]
    b = [(10 * i + 3, 10 * i + 12) for i in range(n)]
    with fast_enough("O(n + m)", n):
        shared = p04.common_free_slots(a, b, 2)
    assert len(shared) == 2 * n - 1
    assert shared[:3] == [(3, 6), (10, 12), (13, 16)]
