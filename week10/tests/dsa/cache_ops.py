"""Random get/put sequences for problems 1 and 2 (LRU and LFU caches), run alike on the student's
cache and the test's oracle."""

from __future__ import annotations

from typing import Protocol

from hypothesis import strategies as st

Op = tuple[str, str, str]  # ("get", key, value) or ("put", key, value); get ignores the value

# few keys and a small capacity: evictions, updates and misses all happen in 30 operations
OPS = st.lists(
    st.tuples(st.sampled_from(["get", "put"]), st.sampled_from("abcde"), st.sampled_from("xyz")),
    max_size=30,
)


class Cache(Protocol):
    """A cache of problem 1 or 2, or its oracle."""

    def get(self, key: str) -> str | None: ...
    def put(self, key: str, value: str) -> str | None: ...


def run(cache: Cache, ops: list[Op]) -> list[str | None]:
    """Every operation's answer, in order."""
    return [cache.get(key) if op == "get" else cache.put(key, value) for op, key, value in ops]
