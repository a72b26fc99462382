"""Problem 5: merge sorted audit streams (the statement is in week09/src/week09/dsa/README.md)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week09.dsa", "p05_merge_audit_streams")
pytestmark = pytest.mark.task(5)

Event = tuple[int, str]


def oracle(streams: list[list[Event]], limit: int) -> list[Event]:
    """Read everything and sort it."""
    return sorted(itertools.chain.from_iterable(streams))[:limit]


class Counted:
    """A stream that counts the events read from it."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.events = iter(events)
        self.read = 0

    def __iter__(self) -> Iterator[Event]:
        for event in self.events:
            self.read += 1
            yield event


def live(service: str, step: int) -> Iterator[Event]:
    """An endless feed: an event every ``step`` seconds."""
    return ((second, f"{service}-{second}") for second in itertools.count(0, step))


def test_example_from_the_statement() -> None:
    auth = [(1, "login"), (4, "logout"), (9, "login")]
    tasks = [(2, "create"), (4, "delete")]
    billing: list[Event] = []
    merged = p05.merge_streams([auth, tasks, billing], 4)
    assert merged == [(1, "login"), (2, "create"), (4, "delete"), (4, "logout")]


def test_edge_cases() -> None:
    assert p05.merge_streams([], 5) == []
    assert p05.merge_streams([[(1, "a")]], 0) == []
    assert p05.merge_streams([[], [(1, "a")], []], 5) == [(1, "a")]  # fewer events than the limit
    assert p05.merge_streams([[(1, "a")], [(1, "a")]], 2) == [(1, "a"), (1, "a")]  # both kept


def test_endless_streams_are_read_only_as_far_as_needed() -> None:
    streams = [Counted(live("auth", 3)), Counted(live("tasks", 5)), Counted([(2, "once")])]
    merged = p05.merge_streams(streams, 6)
    assert merged == [(0, "auth-0"), (0, "tasks-0"), (2, "once"), (3, "auth-3"), (5, "tasks-5"),
                      (6, "auth-6")]  # fmt: skip
    assert sum(s.read for s in streams) <= 6 + len(streams)  # the limit, and one ahead per stream


events = st.lists(st.tuples(st.integers(0, 20), st.sampled_from("abc")), max_size=6).map(sorted)


@PROPERTY
@given(st.lists(events, max_size=5), st.integers(0, 35))
def test_matches_a_brute_force_oracle(streams: list[list[Event]], limit: int) -> None:
    assert p05.merge_streams(streams, limit) == oracle(streams, limit)


def test_large_input_is_fast() -> None:
    k, limit = 2_000, 50_000  # endless feeds: reading them all never ends
    streams = [live(f"s{i:04d}", 1_000 + i) for i in range(k)]
    with fast_enough("O(k + limit log k)", limit):
        merged = p05.merge_streams(streams, limit)
    assert len(merged) == limit
    assert merged == sorted(merged)
    assert merged[:2] == [(0, "s0000-0"), (0, "s0001-0")]
