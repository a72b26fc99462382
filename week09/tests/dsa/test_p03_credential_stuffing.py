"""Problem 3: credential stuffing sources (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week09.dsa", "p03_credential_stuffing")
pytestmark = pytest.mark.task(3)

Attempt = tuple[int, str, str]


def oracle(attempts: list[Attempt], window: int, threshold: int) -> list[str]:
    """At each attempt, collect the names its address tried in the window: quadratic."""
    flagged = {
        address
        for second, address, _ in attempts
        if len({n for s, a, n in attempts if a == address and second - window < s <= second})
        >= threshold
    }
    return sorted(flagged)


def test_example_from_the_statement() -> None:
    attempts = [(0, "10.0.0.1", "ann"), (10, "10.0.0.1", "bob"), (20, "10.0.0.2", "ann"),
                (30, "10.0.0.1", "ann"), (59, "10.0.0.2", "bob"), (70, "10.0.0.1", "cid"),
                (75, "10.0.0.2", "cid")]  # fmt: skip
    assert p03.stuffing_sources(attempts, 60, 3) == ["10.0.0.2"]


def test_edge_cases() -> None:
    assert p03.stuffing_sources([], 60, 1) == []
    assert p03.stuffing_sources([(5, "x", "ann")], 1, 1) == ["x"]
    # the same name many times is one name
    assert p03.stuffing_sources([(s, "x", "ann") for s in range(10)], 60, 2) == []
    # a name that left the window and came back counts again
    attempts = [(0, "x", "ann"), (1, "x", "bob"), (100, "x", "ann"), (101, "x", "cid")]
    assert p03.stuffing_sources([*attempts, (102, "x", "bob")], 60, 3) == ["x"]
    assert p03.stuffing_sources(attempts, 60, 3) == []


@PROPERTY
@given(
    st.lists(
        st.tuples(
            st.integers(0, 40), st.sampled_from("xyz"), st.sampled_from(["a", "b", "c", "d"])
        ),
        max_size=25,
    ),
    st.integers(1, 15),
    st.integers(1, 4),
)
def test_matches_a_brute_force_oracle(attempts: list[Attempt], window: int, threshold: int) -> None:
    attempts.sort(key=lambda a: a[0])
    assert p03.stuffing_sources(attempts, window, threshold) == oracle(attempts, window, threshold)


def test_large_input_is_fast() -> None:
    n = 100_000  # one address, a new name every second, a window holding 30,000 of them
    attempts = [(i, "10.6.6.6", f"user{i}") for i in range(n)]
    with fast_enough("O(n)", n):
        flagged = p03.stuffing_sources(attempts, 30_000, 30_000)
    assert flagged == ["10.6.6.6"]
