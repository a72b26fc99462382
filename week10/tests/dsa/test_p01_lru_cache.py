"""Problem 1: an LRU cache (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

from .cache_ops import OPS, Op, run

p01 = impl_module("week10.dsa", "p01_lru_cache")
pytestmark = pytest.mark.task(1)


class Oracle:
    """The keys in a list, least recently used first: O(n) per operation."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.order: list[str] = []
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        if key not in self.values:
            return None
        self.order.remove(key)
        self.order.append(key)
        return self.values[key]

    def put(self, key: str, value: str) -> str | None:
        evicted = None
        if key in self.values:
            self.order.remove(key)
        elif len(self.order) == self.capacity:
            evicted = self.order.pop(0)
            del self.values[evicted]
        self.order.append(key)
        self.values[key] = value
        return evicted


def test_example_from_the_statement() -> None:
    cache = p01.LRUCache(2)
    assert cache.put("user:1", "Ada") is None
    assert cache.put("user:2", "Grace") is None
    assert cache.get("user:1") == "Ada"
    assert cache.put("user:3", "Linus") == "user:2"
    assert cache.get("user:2") is None
    assert cache.put("user:1", "Ada L.") is None
    assert cache.put("user:4", "Ken") == "user:3"
    assert cache.get("user:1") == "Ada L."


def test_edge_cases() -> None:
    cache = p01.LRUCache(1)
    assert cache.get("a") is None
    assert cache.put("a", "1") is None
    assert cache.put("a", "2") is None  # an update evicts nothing
    assert cache.put("b", "3") == "a"
    assert cache.get("a") is None
    assert cache.get("b") == "3"


@PROPERTY
@given(st.integers(1, 4), OPS)
def test_matches_a_brute_force_oracle(capacity: int, ops: list[Op]) -> None:
    assert run(p01.LRUCache(capacity), ops) == run(Oracle(capacity), ops)


def test_large_input_is_fast() -> None:
    n, capacity = 100_000, 30_000  # a list scanned at every operation: 3 x 10^9 steps
    cache = p01.LRUCache(capacity)
    with fast_enough("O(1) per operation", n):
        evicted = [cache.put(f"k{i}", "v") for i in range(n)]
        hits = sum(cache.get(f"k{i}") is not None for i in range(0, n, 2))
    assert evicted[capacity] == "k0"
    assert hits == capacity // 2
