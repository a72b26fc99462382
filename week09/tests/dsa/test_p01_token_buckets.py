"""Problem 1: a token bucket per client (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week09.dsa", "p01_token_buckets")
pytestmark = pytest.mark.task(1)


def oracle(requests: list[tuple[int, str]], capacity: int, interval: int) -> list[bool]:
    """Tick the clock one second at a time from 0, refilling every bucket on each multiple of
    interval, and serve the requests of each second as it comes."""
    tokens = {client: capacity for _, client in requests}
    answers: list[bool] = []
    pending = list(requests)
    for second in range(max((s for s, _ in requests), default=-1) + 1):
        if second and second % interval == 0:
            tokens = {client: min(capacity, left + 1) for client, left in tokens.items()}
        while pending and pending[0][0] == second:
            client = pending.pop(0)[1]
            answers.append(tokens[client] > 0)
            tokens[client] -= answers[-1]
    return answers


def test_example_from_the_statement() -> None:
    requests = [(0, "a"), (1, "a"), (2, "a"), (10, "a"), (15, "b"), (19, "a"), (20, "a"),
                (21, "a")]  # fmt: skip
    expected = [True, True, False, True, True, False, True, False]
    assert p01.allow_requests(requests, 2, 10) == expected


def test_edge_cases() -> None:
    assert p01.allow_requests([], 3, 5) == []
    # a bucket never holds more than its capacity, however long the client was away
    assert p01.allow_requests([(0, "a"), (1000, "a"), (1000, "a")], 1, 1) == [True, True, False]
    # refills happen at multiples of interval, not interval seconds after the last request
    assert p01.allow_requests([(9, "a"), (10, "a"), (11, "a")], 1, 10) == [True, True, False]
    # a denied request spends nothing
    assert p01.allow_requests([(0, "a")] * 3 + [(5, "a")], 2, 5) == [True, True, False, True]


@PROPERTY
@given(
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from("abc")), max_size=25),
    st.integers(1, 3),
    st.integers(1, 7),
)
def test_matches_a_brute_force_oracle(
    requests: list[tuple[int, str]], capacity: int, interval: int
) -> None:
    requests.sort(key=lambda r: r[0])
    assert p01.allow_requests(requests, capacity, interval) == oracle(requests, capacity, interval)


def test_large_input_is_fast() -> None:
    n = 200_000  # 10,000 clients, times up to 10^9: no clock ticking through every second
    requests = [(i * 5_000, f"client-{i % 10_000}") for i in range(n)]
    with fast_enough("O(n)", n):
        answers = p01.allow_requests(requests, 5, 60)
    assert all(answers)
