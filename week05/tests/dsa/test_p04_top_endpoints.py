"""Problem 4: the most requested endpoints (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week05.dsa", "p04_top_endpoints")
pytestmark = pytest.mark.task(4)


def oracle(requests: list[str], k: int) -> list[str]:
    return sorted(set(requests), key=lambda e: (-requests.count(e), e))[:k]


def test_example_from_the_statement() -> None:
    requests = ["/login", "/tasks", "/tasks", "/me", "/login", "/tasks", "/health", "/me"]
    assert p04.top_endpoints(requests, 2) == ["/tasks", "/login"]  # /login and /me tie: by name
    assert p04.top_endpoints(requests, 3) == ["/tasks", "/login", "/me"]


def test_edge_cases() -> None:
    assert p04.top_endpoints([], 3) == []
    assert p04.top_endpoints(["/a", "/b"], 0) == []
    assert p04.top_endpoints(["/b", "/a"], 5) == ["/a", "/b"]  # fewer endpoints than k


@PROPERTY
@given(st.lists(st.sampled_from(["/a", "/b", "/c", "/d", "/e"]), max_size=25), st.integers(0, 6))
def test_matches_a_brute_force_oracle(requests: list[str], k: int) -> None:
    assert p04.top_endpoints(requests, k) == oracle(requests, k)


def test_large_input_is_fast() -> None:
    n = 200_000
    requests = [f"/items/{i % 20_000}" for i in range(n)] + ["/items/19999", "/items/5"]
    with fast_enough("O(n + m log k)", n):
        top = p04.top_endpoints(requests, 3)
    assert top == ["/items/19999", "/items/5", "/items/0"]
