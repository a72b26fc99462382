"""Problem 1: the busiest rooms (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week12.dsa", "p01_busiest_rooms")
pytestmark = pytest.mark.task(1)


def oracle(messages: list[str], k: int) -> list[str]:
    """Sort every room by its count, counted by scanning all the messages."""
    rooms = sorted(set(messages), key=lambda room: (-messages.count(room), room))
    return rooms[:k]


def test_example_from_the_statement() -> None:
    messages = ["lobby", "dev", "lobby", "ops", "dev", "lobby", "random", "ops"]
    assert p01.busiest_rooms(messages, 2) == ["lobby", "dev"]  # dev and ops tie: by name
    assert p01.busiest_rooms(messages, 3) == ["lobby", "dev", "ops"]


def test_edge_cases() -> None:
    assert p01.busiest_rooms([], 3) == []
    assert p01.busiest_rooms(["a", "b"], 0) == []
    assert p01.busiest_rooms(["b", "a"], 5) == ["a", "b"]  # fewer rooms than k
    assert p01.busiest_rooms(["z", "z", "a"], 1) == ["z"]  # the count wins over the name


@PROPERTY
@given(st.lists(st.sampled_from("abcdef"), max_size=30), st.integers(0, 7))
def test_matches_a_brute_force_oracle(messages: list[str], k: int) -> None:
    assert p01.busiest_rooms(messages, k) == oracle(messages, k)


def test_large_input_is_fast() -> None:
    n = 200_000  # 50,000 rooms: counting each room by scanning the messages is quadratic
    messages = [f"room-{i % 50_000:05d}" for i in range(n)] + ["room-49999"] * 3
    with fast_enough("O(n + rooms log k)", n):
        top = p01.busiest_rooms(messages, 3)
    assert top == ["room-49999", "room-00000", "room-00001"]
