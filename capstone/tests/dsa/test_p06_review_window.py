"""Problem 6: the shortest review window (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("capstone.dsa", "p06_review_window")
pytestmark = pytest.mark.task(6)


def oracle(log: list[str], reviewers: set[str]) -> tuple[int, int] | None:
    """Try every slice, shortest first, earliest first."""
    for length in range(1, len(log) + 1):
        for start in range(len(log) - length + 1):
            if reviewers <= set(log[start : start + length]):
                return (start, start + length)
    return None


def test_example_from_the_statement() -> None:
    log = ["ana", "bot", "ben", "ana", "cleo", "bot", "ben", "dan", "cleo", "ana"]
    assert p06.shortest_review_window(log, {"ana", "ben", "cleo"}) == (2, 5)
    assert p06.shortest_review_window(log, {"ana", "eve"}) is None


def test_edge_cases() -> None:
    assert p06.shortest_review_window([], {"ana"}) is None
    assert p06.shortest_review_window(["ana"], {"ana"}) == (0, 1)
    assert p06.shortest_review_window(["b", "a", "a", "b"], {"a", "b"}) == (0, 2)  # the earliest
    assert p06.shortest_review_window(["a", "a", "a", "b"], {"a", "b"}) == (2, 4)


@PROPERTY
@given(
    st.lists(st.sampled_from("abcd"), max_size=16),
    st.sets(st.sampled_from("abc"), min_size=1),
)
def test_matches_a_brute_force_oracle(log: list[str], reviewers: set[str]) -> None:
    assert p06.shortest_review_window(log, reviewers) == oracle(log, reviewers)


def test_large_input_is_fast() -> None:
    n = 200_000  # a team of 1,000: every slice is 2 x 10^10, checking each one more
    team = {f"u{i}" for i in range(1_000)}
    log = [f"u{i % 997}" for i in range(n)] + [f"u{i}" for i in range(997, 1_000)]
    log += ["u0", "u1"]
    with fast_enough("O(n)", n):
        window = p06.shortest_review_window(log, team)
    assert window == (n - 997, n + 3)
