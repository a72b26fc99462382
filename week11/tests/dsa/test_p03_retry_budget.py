"""Problem 3: retries before a deadline (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week11.dsa", "p03_retry_budget")
pytestmark = pytest.mark.task(3)


def oracle(deadline: int, base: int, cap: int) -> int:
    """Schedule the retries one by one."""
    retries, now, wait = 0, 0, base
    while now + min(cap, wait) <= deadline:
        now += min(cap, wait)
        retries, wait = retries + 1, wait * 2
    return retries


def test_example_from_the_statement() -> None:
    # retries at 1, 3, 7, 15, 25, 35, ...
    assert p03.retries_before(30, 1, 10) == 5
    assert p03.retries_before(35, 1, 10) == 6


def test_edge_cases() -> None:
    assert p03.retries_before(0, 1, 1) == 0  # the first retry waits at least a second
    assert p03.retries_before(4, 5, 60) == 0
    assert p03.retries_before(5, 5, 60) == 1  # a retry exactly at the deadline counts
    assert p03.retries_before(100, 7, 7) == 14  # base == cap: every wait is the cap
    assert p03.retries_before(10**18, 10**18, 10**18) == 1


@PROPERTY
@given(st.integers(0, 400), st.integers(1, 20), st.integers(1, 100))
def test_matches_a_brute_force_oracle(deadline: int, base: int, cap: int) -> None:
    cap = max(cap, base)
    assert p03.retries_before(deadline, base, cap) == oracle(deadline, base, cap)


def test_large_input_is_fast() -> None:
    calls = 2_000  # a deadline of 10^18 with a cap of 60 s: 1.7 * 10^16 retries to count
    with fast_enough("O(log(deadline)) a call", calls):
        answers = [p03.retries_before(10**18 - i, 1 + i % 3, 60) for i in range(calls)]
    assert answers[0] == 6 + (10**18 - 63) // 60  # waits 1 to 32 end at 63, then 60 each
