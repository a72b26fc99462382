"""Problem 1: an install order (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week08.dsa", "p01_install_order")
pytestmark = pytest.mark.task(1)

REQUIRES = {"api": ["auth", "db", "http"], "auth": ["db", "json"], "db": ["log"],
            "http": ["json"], "cli": ["http", "log"]}  # fmt: skip


def oracle(requires: dict[str, list[str]]) -> list[str] | None:
    """Install the smallest package whose requirements are all installed, rescanning each time."""
    packages = set(requires) | {d for deps in requires.values() for d in deps}
    order: list[str] = []
    while len(order) < len(packages):
        ready = [p for p in packages - set(order) if all(d in order for d in requires.get(p, []))]
        if not ready:
            return None
        order.append(min(ready))
    return order


def test_example_from_the_statement() -> None:
    assert p01.install_order(REQUIRES) == ["json", "http", "log", "cli", "db", "auth", "api"]


def test_edge_cases() -> None:
    assert p01.install_order({}) == []
    assert p01.install_order({"a": []}) == ["a"]
    assert p01.install_order({"a": ["b", "b"]}) == ["b", "a"]  # a requirement listed twice
    assert p01.install_order({"a": ["b"], "b": ["a"]}) is None
    assert p01.install_order({"a": ["a"]}) is None  # a package requiring itself


names = st.sampled_from("abcdef")


@PROPERTY
@given(st.dictionaries(names, st.lists(names, max_size=3), max_size=6))
def test_matches_a_brute_force_oracle(requires: dict[str, list[str]]) -> None:
    assert p01.install_order(requires) == oracle(requires)


def test_large_input_is_fast() -> None:
    n = 30_000  # a chain: p0 requires p1, which requires p2, ...
    requires = {f"p{i:06d}": [f"p{i + 1:06d}"] for i in range(n)}
    with fast_enough("O((V + E) log V)", n):
        order = p01.install_order(requires)
    assert order is not None
    assert order[0] == f"p{n:06d}"
    assert order[-1] == "p000000"
