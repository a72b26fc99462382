"""Problem 4: the fewest hops between services (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week06.dsa", "p04_fewest_hops")
pytestmark = pytest.mark.task(4)

MESH = [
    ("gateway", "auth"),
    ("gateway", "tasks"),
    ("tasks", "db"),
    ("auth", "db"),
    ("db", "backup"),
]


def oracle(links: list[tuple[str, str]], start: str, goal: str) -> int | None:
    """Grow the set of services within d hops, scanning every link each round."""
    reached, hops = {start}, 0
    while goal not in reached:
        grown = (
            reached | {b for a, b in links if a in reached} | {a for a, b in links if b in reached}
        )
        if grown == reached:
            return None
        reached, hops = grown, hops + 1
    return hops


@pytest.mark.parametrize(
    ("start", "goal", "expected"),
    [("gateway", "backup", 3), ("backup", "gateway", 3), ("auth", "tasks", 2), ("db", "db", 0)],
)
def test_examples_from_the_statement(start: str, goal: str, expected: int) -> None:
    assert p04.fewest_hops(MESH, start, goal) == expected


def test_edge_cases() -> None:
    assert p04.fewest_hops(MESH, "gateway", "billing") is None  # not in the mesh
    assert p04.fewest_hops([("a", "b"), ("c", "d")], "a", "d") is None  # another island
    assert p04.fewest_hops([], "a", "a") == 0
    assert p04.fewest_hops([("a", "b"), ("b", "a"), ("a", "a")], "a", "b") == 1  # loops, repeats


names = st.sampled_from("abcdefg")


@PROPERTY
@given(st.lists(st.tuples(names, names), max_size=14), names, names)
def test_matches_a_brute_force_oracle(links: list[tuple[str, str]], start: str, goal: str) -> None:
    assert p04.fewest_hops(links, start, goal) == oracle(links, start, goal)


def test_large_input_is_fast() -> None:
    n = 50_000  # services; a quadratic search needs minutes
    chain = [(f"s{i}", f"s{i + 1}") for i in range(n)]
    with fast_enough("O(V + E)", n):
        hops = p04.fewest_hops(chain, "s0", f"s{n}")
    assert hops == n
