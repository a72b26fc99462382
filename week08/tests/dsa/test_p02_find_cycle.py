"""Problem 2: show a requirement cycle (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week08.dsa", "p02_find_cycle")
pytestmark = pytest.mark.task(2)


def assert_is_cycle(requires: dict[str, list[str]], found: list[str] | None) -> None:
    assert found is not None, "there is a cycle, and None came back"
    assert len(found) >= 2
    assert found[0] == found[-1], f"{found} does not end where it starts"
    assert len(set(found)) == len(found) - 1, f"{found} passes a package twice"
    for package, dependency in itertools.pairwise(found):
        assert dependency in requires.get(package, []), f"{package} does not require {dependency}"


def has_cycle(requires: dict[str, list[str]]) -> bool:
    """Remove packages that require nothing left until none can go: a cycle is what stays."""
    left = {p: set(deps) for p, deps in requires.items()}
    while True:
        free = [p for p, deps in left.items() if not deps & left.keys()]
        if not free:
            return bool(left)
        for p in free:
            del left[p]


def test_examples_from_the_statement() -> None:
    requires = {"api": ["auth"], "auth": ["db", "json"], "db": ["log"], "log": ["auth"]}
    assert p02.find_cycle(requires) == ["auth", "db", "log", "auth"]
    assert p02.find_cycle({"api": ["db"], "db": []}) is None


def test_edge_cases() -> None:
    assert p02.find_cycle({}) is None
    assert p02.find_cycle({"a": ["a"]}) == ["a", "a"]
    assert p02.find_cycle({"a": ["b", "c"], "b": ["c"], "c": []}) is None  # a diamond is fine


names = st.sampled_from("abcdef")


@PROPERTY
@given(st.dictionaries(names, st.lists(names, max_size=3), max_size=6))
def test_finds_a_real_cycle_exactly_when_there_is_one(requires: dict[str, list[str]]) -> None:
    found = p02.find_cycle(requires)
    if has_cycle(requires):
        assert_is_cycle(requires, found)
    else:
        assert found is None


def test_large_input_is_fast() -> None:
    n = 100_000  # a long chain whose end requires its start, plus a fan of shortcuts into it
    requires = {f"p{i}": [f"p{i + 1}"] for i in range(n)}
    requires[f"p{n}"] = ["p0"]
    requires["root"] = [f"p{i}" for i in range(0, n, 10)]
    with fast_enough("O(V + E)", n):
        found = p02.find_cycle(requires)
    assert_is_cycle(requires, found)
    assert found is not None
    assert len(found) == n + 2
