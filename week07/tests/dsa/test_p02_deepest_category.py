"""Problem 2: the deepest category (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week07.dsa", "p02_deepest_category")
pytestmark = pytest.mark.task(2)


def oracle(parents: dict[str, str | None]) -> int:
    """Walk up from every category to its root: O(n * depth)."""
    best = 0
    for category in parents:
        depth, node = 0, parents[category]
        while node is not None:
            depth, node = depth + 1, parents[node]
        best = max(best, depth + 1)
    return best


def test_example_from_the_statement() -> None:
    parents = {"shoes": "clothing", "clothing": None, "boots": "shoes", "hats": "clothing",
               "books": None}  # fmt: skip
    assert p02.deepest_level(parents) == 3


def test_edge_cases() -> None:
    assert p02.deepest_level({}) == 0
    assert p02.deepest_level({"a": None, "b": None}) == 1
    assert p02.deepest_level({"c": "b", "b": "a", "a": None}) == 3  # children before parents


@st.composite
def forests(draw: st.DrawFn) -> dict[str, str | None]:
    """Category i's parent is an earlier category or none; keys in a shuffled order."""
    n = draw(st.integers(0, 15))
    parents = {
        f"c{i}": draw(st.sampled_from([None, *(f"c{j}" for j in range(i))])) for i in range(n)
    }
    order = draw(st.permutations(list(parents)))
    return {key: parents[key] for key in order}


@PROPERTY
@given(forests())
def test_matches_a_brute_force_oracle(parents: dict[str, str | None]) -> None:
    assert p02.deepest_level(parents) == oracle(parents)


def test_large_input_is_fast() -> None:
    n = 100_000  # one long chain, leaves first: walking up from every category is quadratic
    parents: dict[str, str | None] = {f"c{i}": f"c{i + 1}" for i in range(n - 1)}
    parents[f"c{n - 1}"] = None
    with fast_enough("O(n)", n):
        depth = p02.deepest_level(parents)
    assert depth == n
