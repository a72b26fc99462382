"""Problem 1: balanced brackets (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week06.dsa", "p01_balanced_brackets")
pytestmark = pytest.mark.task(1)


def oracle(text: str) -> bool:
    """Delete innermost pairs until none is left: quadratic, and plainly right."""
    brackets = "".join(char for char in text if char in "()[]{}")
    while any(pair in brackets for pair in ("()", "[]", "{}")):
        for pair in ("()", "[]", "{}"):
            brackets = brackets.replace(pair, "")
    return brackets == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"retry": [1, 2, (3)]}', True),
        ("{{user.name}}", True),
        ("[(])", False),
        ("{[}", False),
        ("())(", False),
    ],
)
def test_examples_from_the_statement(text: str, expected: bool) -> None:
    assert p01.is_balanced(text) is expected


def test_edge_cases() -> None:
    assert p01.is_balanced("") is True
    assert p01.is_balanced("no brackets at all") is True
    assert p01.is_balanced(")") is False  # a closer with nothing open
    assert p01.is_balanced("(") is False  # left open at the end
    assert p01.is_balanced("((") is False


@PROPERTY
@given(st.text(alphabet="()[]{}a", max_size=24))
def test_matches_a_brute_force_oracle(text: str) -> None:
    assert p01.is_balanced(text) is oracle(text)


def test_large_input_is_fast() -> None:
    n = 200_000
    text = "([{" * n + "}])" * n
    with fast_enough("O(n)", len(text)):
        balanced = p01.is_balanced(text)
    assert balanced is True
