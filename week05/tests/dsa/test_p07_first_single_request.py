"""Problem 7: the first client that called once (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p07 = impl_module("week05.dsa", "p07_first_single_request")
pytestmark = pytest.mark.task(7)


def oracle(clients: list[str]) -> int:
    return next((i for i, c in enumerate(clients) if clients.count(c) == 1), -1)


@pytest.mark.parametrize(
    ("clients", "expected"),
    [
        (["10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.3"], 1),
        (["a", "b", "a", "b"], -1),
        (["bot", "bot", "alice"], 2),
    ],
)
def test_examples_from_the_statement(clients: list[str], expected: int) -> None:
    assert p07.first_single_request(clients) == expected


def test_edge_cases() -> None:
    assert p07.first_single_request([]) == -1
    assert p07.first_single_request(["solo"]) == 0


@PROPERTY
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=15))
def test_matches_a_brute_force_oracle(clients: list[str]) -> None:
    assert p07.first_single_request(clients) == oracle(clients)


def test_large_input_is_fast() -> None:
    n = 200_000
    clients = [f"c{i % (n // 2)}" for i in range(n)] + ["late"]
    with fast_enough("O(n)", n):
        found = p07.first_single_request(clients)
    assert found == n
