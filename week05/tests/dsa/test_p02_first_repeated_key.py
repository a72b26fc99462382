"""Problem 2: replayed idempotency keys (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week05.dsa", "p02_first_repeated_key")
pytestmark = pytest.mark.task(2)


def oracle(keys: list[str]) -> str | None:
    for j, key in enumerate(keys):
        if key in keys[:j]:
            return key
    return None


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["k1", "k2", "k3", "k2", "k1"], "k2"),
        (["a", "b", "b", "a"], "b"),
        (["x", "y", "z"], None),
    ],
)
def test_examples_from_the_statement(keys: list[str], expected: str | None) -> None:
    assert p02.first_repeated_key(keys) == expected


def test_edge_cases() -> None:
    assert p02.first_repeated_key([]) is None
    assert p02.first_repeated_key(["only"]) is None
    assert p02.first_repeated_key(["", ""]) == ""  # an empty key is a key
    assert p02.first_repeated_key(["Key", "key", "KEY"]) is None  # keys are case-sensitive


@PROPERTY
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), max_size=12))
def test_matches_a_brute_force_oracle(keys: list[str]) -> None:
    assert p02.first_repeated_key(keys) == oracle(keys)


def test_large_input_is_fast() -> None:
    n = 200_000
    keys = [f"key-{i}" for i in range(n)] + ["key-7"]
    with fast_enough("O(n)", n):
        found = p02.first_repeated_key(keys)
    assert found == "key-7"
