"""Problem 5: booking the staging environment (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("capstone.dsa", "p05_staging_bookings")
pytestmark = pytest.mark.task(5)

Request = tuple[int, int, int]


def oracle(requests: list[Request]) -> int:
    """Try every subset of requests, keep those without an overlap."""
    best = 0
    for size in range(1, len(requests) + 1):
        for chosen in itertools.combinations(sorted(requests), size):
            if all(a[1] <= b[0] for a, b in itertools.pairwise(chosen)):
                best = max(best, sum(value for _, _, value in chosen))
    return best


def test_example_from_the_statement() -> None:
    requests = [(9, 12, 5), (10, 14, 8), (12, 15, 4), (14, 17, 3), (15, 18, 6)]
    assert p05.best_bookings(requests) == 15  # 9-12, 12-15, 15-18: 5 + 4 + 6 beats 8 + 3


def test_edge_cases() -> None:
    assert p05.best_bookings([]) == 0
    assert p05.best_bookings([(0, 10, 7)]) == 7
    assert p05.best_bookings([(0, 10, 7), (0, 10, 9)]) == 9  # the same window twice: one
    assert p05.best_bookings([(0, 10, 10), (0, 5, 4), (5, 10, 5)]) == 10
    assert p05.best_bookings([(5, 6, 1), (0, 5, 1), (6, 9, 1)]) == 3  # in any order, touching


requests = st.builds(
    lambda start, length, value: (start, start + length, value),
    st.integers(0, 20), st.integers(1, 8), st.integers(1, 20),
)  # fmt: skip


@PROPERTY
@given(st.lists(requests, max_size=9))
def test_matches_a_brute_force_oracle(booked: list[Request]) -> None:
    assert p05.best_bookings(booked) == oracle(booked)


def test_large_input_is_fast() -> None:
    n = 100_000  # comparing each request with every earlier one is 5 x 10^9 steps
    rng = random.Random(5)
    booked = [(s, s + rng.randint(1, 100), rng.randint(1, 1_000)) for s in range(0, 10 * n, 10)]
    booked.append((0, 10 * n + 200, 10**9))  # one request as valuable as all the others together
    with fast_enough("O(n log n)", n):
        best = p05.best_bookings(booked)
    assert best == 10**9
