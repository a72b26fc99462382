"""Problem 2: an LFU cache (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

from .cache_ops import OPS, Op, run

p02 = impl_module("week10.dsa", "p02_lfu_cache")
pytestmark = pytest.mark.task(2)


class Oracle:
    """Per key its value, its count and the tick of its last use; evict by scanning them all."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.entries: dict[str, tuple[str, int, int]] = {}
        self.clock = itertools.count()

    def get(self, key: str) -> str | None:
        if key not in self.entries:
            return None
        value, count, _ = self.entries[key]
        self.entries[key] = (value, count + 1, next(self.clock))
        return value

    def put(self, key: str, value: str) -> str | None:
        evicted = None
        count = self.entries[key][1] if key in self.entries else 0
        if not count and len(self.entries) == self.capacity:
            evicted = min(self.entries, key=lambda k: self.entries[k][1:])
            del self.entries[evicted]
        self.entries[key] = (value, count + 1, next(self.clock))
        return evicted


def test_example_from_the_statement() -> None:
    cache = p02.LFUCache(2)
    assert cache.put("stats", "42") is None
    assert cache.put("user:1", "Ada") is None
    assert cache.get("stats") == "42"
    assert cache.get("stats") == "42"
    assert cache.put("user:2", "Grace") == "user:1"
    assert cache.get("user:2") == "Grace"
    assert cache.put("user:3", "Linus") == "user:2"
    assert cache.get("stats") == "42"


def test_edge_cases() -> None:
    cache = p02.LFUCache(1)
    assert cache.get("a") is None
    assert cache.put("a", "1") is None
    assert cache.put("a", "2") is None  # an update is a use, and evicts nothing
    assert cache.put("b", "3") == "a"  # the only key goes, however often it was used
    assert cache.get("b") == "3"
    tied = p02.LFUCache(2)
    tied.put("a", "1")
    tied.put("b", "2")
    tied.get("a")
    tied.get("b")
    assert tied.put("c", "3") == "a"  # same count: the least recently used of them


@PROPERTY
@given(st.integers(1, 4), OPS)
def test_matches_a_brute_force_oracle(capacity: int, ops: list[Op]) -> None:
    assert run(p02.LFUCache(capacity), ops) == run(Oracle(capacity), ops)


def test_large_input_is_fast() -> None:
    n, capacity = 60_000, 30_000  # every put evicts: a scan of all counts is 2 x 10^9 steps
    cache = p02.LFUCache(capacity)
    with fast_enough("O(1) per operation", n):
        for i in range(capacity):
            cache.put(f"hot{i}", "v")
            cache.get(f"hot{i}")
        evicted = [cache.put(f"k{i}", "v") for i in range(n)]
    assert evicted[0] == "hot0"  # every key used twice: the least recently used of them
    assert evicted[1] == "k0"  # then the newcomers, used once
    assert cache.get("hot1") is not None
