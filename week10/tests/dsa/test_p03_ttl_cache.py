"""Problem 3: a cache with expiry (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

from typing import Protocol

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week10.dsa", "p03_ttl_cache")
pytestmark = pytest.mark.task(3)

Op = tuple[str, int, str, int]  # (operation, seconds later, key, ttl)


class Cache(Protocol):
    """The student's cache and the oracle alike."""

    def set(self, key: str, value: str, ttl: int, now: int) -> None: ...
    def get(self, key: str, now: int) -> str | None: ...
    def live(self, now: int) -> int: ...


class Oracle:
    """Keys and deadlines in a dict; expiry checked by looking at every key."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, int]] = {}

    def set(self, key: str, value: str, ttl: int, now: int) -> None:
        self.entries[key] = (value, now + ttl)

    def get(self, key: str, now: int) -> str | None:
        value, deadline = self.entries.get(key, (None, now))
        return value if now < deadline else None

    def live(self, now: int) -> int:
        return sum(now < deadline for _, deadline in self.entries.values())


def run(cache: Cache, ops: list[Op]) -> list[str | int | None]:
    now, answers = 0, []
    for i, (op, later, key, ttl) in enumerate(ops):
        now += later
        if op == "set":
            cache.set(key, f"v{i}", ttl, now)
        answers.append(cache.get(key, now) if op == "get" else cache.live(now))
    return answers


def test_example_from_the_statement() -> None:
    cache = p03.TTLCache()
    cache.set("session:ada", "1", ttl=30, now=0)
    cache.set("session:grace", "2", ttl=10, now=5)
    assert cache.live(now=5) == 2
    assert cache.get("session:grace", now=14) == "2"
    assert cache.get("session:grace", now=15) is None  # expired at 5 + 10
    cache.set("session:ada", "3", ttl=30, now=20)  # set again: a new value and deadline
    assert cache.live(now=30) == 1
    assert cache.get("session:ada", now=49) == "3"
    assert cache.live(now=50) == 0


def test_edge_cases() -> None:
    cache = p03.TTLCache()
    assert cache.live(0) == 0
    assert cache.get("a", 0) is None
    cache.set("a", "1", 1, 7)
    assert cache.get("a", 7) == "1"
    assert cache.get("a", 8) is None
    cache.set("b", "1", 100, 8)
    cache.set("b", "2", 1, 9)  # a shorter deadline replaces the longer one
    assert cache.live(10) == 0
    cache.set("b", "3", 5, 10)  # expired keys can be set again
    assert cache.get("b", 14) == "3"


ops = st.lists(
    st.tuples(
        st.sampled_from(["set", "get", "live"]),
        st.integers(0, 4),
        st.sampled_from("abcd"),
        st.integers(1, 6),
    ),
    max_size=30,
)


@PROPERTY
@given(ops)
def test_matches_a_brute_force_oracle(ops: list[Op]) -> None:
    assert run(p03.TTLCache(), ops) == run(Oracle(), ops)


def test_large_input_is_fast() -> None:
    n = 60_000  # counting by looking at every key: 1.8 x 10^9 steps
    cache = p03.TTLCache()
    with fast_enough("O(log n) per operation, amortized", n):
        sizes = []
        for now in range(n):
            cache.set(f"k{now % 40_000}", "v", 30_000, now)
            sizes.append(cache.live(now))
    assert sizes[29_999] == 30_000
    assert sizes[-1] == 30_000  # each key lives 30,000 seconds
