"""Problem 6: the size of a config diff (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import functools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p06 = impl_module("deploy.dsa", "p06_config_diff")
pytestmark = pytest.mark.task(6)


def oracle(old: list[str], new: list[str]) -> int:
    """Recursion on the first lines: keep them if equal, else remove one or add one."""

    @functools.cache
    def edits(i: int, j: int) -> int:
        if i == len(old) or j == len(new):
            return len(old) - i + len(new) - j
        if old[i] == new[j]:
            return edits(i + 1, j + 1)
        return 1 + min(edits(i + 1, j), edits(i, j + 1))

    return edits(0, 0)


def test_example_from_the_statement() -> None:
    old = ["workers: 2", "debug: false", "db_pool: 5", "region: eu", "log: info"]
    new = ["workers: 4", "db_pool: 5", "region: eu", "tracing: on", "log: info"]
    assert p06.diff_size(old, new) == 4  # -workers: 2 -debug: false +workers: 4 +tracing: on


def test_edge_cases() -> None:
    assert p06.diff_size([], []) == 0
    assert p06.diff_size(["a", "b"], []) == 2
    assert p06.diff_size([], ["a"]) == 1
    assert p06.diff_size(["a", "b", "c"], ["a", "b", "c"]) == 0
    assert p06.diff_size(["a", "b"], ["b", "a"]) == 2  # a move is a removal and an addition
    assert p06.diff_size(["x", "x", "y"], ["x", "y", "x"]) == 2  # repeated lines


@PROPERTY
@given(
    st.lists(st.sampled_from("abc"), max_size=8),
    st.lists(st.sampled_from("abc"), max_size=8),
)
def test_matches_a_brute_force_oracle(old: list[str], new: list[str]) -> None:
    assert p06.diff_size(old, new) == oracle(old, new)


def test_large_input_is_fast() -> None:
    n = 800  # lines each: trying every way to line them up never ends
    rng = random.Random(6)
    old = [f"key{rng.randrange(40)}: {rng.randrange(3)}" for _ in range(n)]
    new = [line if rng.random() < 0.8 else "changed: 1" for line in old]
    with fast_enough("O(n x m)", n):
        size = p06.diff_size(old, new)
    changed = sum(a != b for a, b in zip(old, new, strict=True))
    assert 0 < size <= 2 * changed
