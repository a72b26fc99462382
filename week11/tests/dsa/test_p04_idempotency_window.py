"""Problem 4: an idempotency window (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week11.dsa", "p04_idempotency_window")
pytestmark = pytest.mark.task(4)


def oracle(messages: list[tuple[int, str]], window: int) -> list[bool]:
    """Look back through every message delivered before."""
    delivered: list[tuple[int, str]] = []
    answers = []
    for second, key in messages:
        fresh = not any(k == key and s > second - window for s, k in delivered)
        if fresh:
            delivered.append((second, key))
        answers.append(fresh)
    return answers


def test_example_from_the_statement() -> None:
    dedup = p04.Deduplicator(10)
    messages = [(0, "k1"), (3, "k2"), (5, "k1"), (10, "k1"), (12, "k2"), (13, "k2")]
    assert [dedup.accept(s, k) for s, k in messages] == [True, True, False, True, False, True]
    assert len(dedup) == 2  # k1 (delivered at 10) and k2 (at 13)


def test_edge_cases() -> None:
    dedup = p04.Deduplicator(1)  # a window of one second: duplicates within the same second only
    assert [dedup.accept(5, "a"), dedup.accept(5, "a"), dedup.accept(6, "a")] == [True, False, True]
    dedup = p04.Deduplicator(10)
    # a duplicate does not extend the window: it counts from the delivery
    answers = [dedup.accept(s, "a") for s in (0, 9, 10)]
    assert answers == [True, False, True]
    dedup = p04.Deduplicator(10)
    assert len(dedup) == 0
    dedup.accept(0, "a")
    dedup.accept(100, "b")
    assert len(dedup) == 1  # a is forgotten


@PROPERTY
@given(
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abc")), max_size=25),
    st.integers(1, 8),
)
def test_matches_a_brute_force_oracle(messages: list[tuple[int, str]], window: int) -> None:
    messages.sort(key=lambda m: m[0])
    dedup = p04.Deduplicator(window)
    assert [dedup.accept(s, k) for s, k in messages] == oracle(messages, window)
    if messages:
        last = messages[-1][0]
        assert len(dedup) == len({k for s, k in messages if s > last - window})


def test_large_input_is_fast_and_remembers_only_the_window() -> None:
    n = 200_000  # every key new, a message a second, a window of 1,000 seconds
    dedup = p04.Deduplicator(1_000)
    with fast_enough("O(1) a message", n):
        delivered = sum(dedup.accept(second, f"msg-{second}") for second in range(n))
    assert delivered == n
    assert len(dedup) == 1_000
