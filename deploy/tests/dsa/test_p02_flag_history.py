"""Problem 2: a feature flag's history (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("deploy.dsa", "p02_flag_history")
pytestmark = pytest.mark.task(2)


def oracle(changes: list[tuple[str, str, int]], flag: str, at: int) -> str | None:
    """Scan every change: the last one of the flag at or before the time."""
    value = None
    for name, new, when in changes:
        if name == flag and when <= at:
            value = new
    return value


def test_example_from_the_statement() -> None:
    flags = p02.FlagHistory()
    flags.set("new-board", "off", at=100)
    flags.set("new-board", "10%", at=200)
    flags.set("dark-mode", "on", at=250)
    flags.set("new-board", "on", at=300)
    assert flags.value_at("new-board", 99) is None
    assert flags.value_at("new-board", 100) == "off"
    assert flags.value_at("new-board", 299) == "10%"
    assert flags.value_at("new-board", 10**6) == "on"
    assert flags.value_at("dark-mode", 200) is None
    assert flags.value_at("search-v2", 300) is None


def test_edge_cases() -> None:
    flags = p02.FlagHistory()
    assert flags.value_at("x", 0) is None
    flags.set("x", "a", at=5)
    flags.set("x", "b", at=5)  # two changes at the same time: the later call wins
    assert flags.value_at("x", 5) == "b"
    assert flags.value_at("x", 4) is None
    flags.set("x", "a", at=9)  # back to an older value
    assert [flags.value_at("x", t) for t in (8, 9, 10)] == ["b", "a", "a"]


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, str, int]]:
    times = sorted(draw(st.lists(st.integers(0, 30), max_size=12)))
    return [(draw(st.sampled_from("fg")), draw(st.sampled_from("abc")), t) for t in times]


@PROPERTY
@given(histories(), st.lists(st.tuples(st.sampled_from("fgh"), st.integers(-1, 31)), max_size=10))
def test_matches_a_brute_force_oracle(
    changes: list[tuple[str, str, int]], queries: list[tuple[str, int]]
) -> None:
    flags = p02.FlagHistory()
    for flag, value, at in changes:
        flags.set(flag, value, at)
    for flag, at in queries:
        assert flags.value_at(flag, at) == oracle(changes, flag, at)


def test_large_input_is_fast() -> None:
    n = 100_000  # one flag changed 100,000 times: scanning its history for each lookup is 10^10
    flags = p02.FlagHistory()
    with fast_enough("O(1) a change, O(log n) a lookup", n):
        for i in range(n):
            flags.set("rollout", str(i), at=10 * i)
        found = [flags.value_at("rollout", 10 * i + 5) for i in range(n)]
    assert found == [str(i) for i in range(n)]
