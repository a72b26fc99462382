"""Problem 5: a comment thread from rows (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week07.dsa", "p05_nest_comments")
pytestmark = pytest.mark.task(5)

Row = tuple[int, int | None, str]


def oracle(rows: list[Row], parent: int | None = None) -> list[dict[str, Any]]:
    """Each level filters all rows for its children: quadratic."""
    return [
        {"id": cid, "text": text, "replies": oracle(rows, cid)}
        for cid, up, text in sorted(rows)
        if up == parent
    ]


def test_example_from_the_statement() -> None:
    rows: list[Row] = [(4, 1, "+1"), (1, None, "Ship it?"), (3, None, "Docs?"), (2, 1, "Tests first"),
                       (5, 2, "Agreed")]  # fmt: skip
    assert p05.nest(rows) == [
        {"id": 1, "text": "Ship it?", "replies": [
            {"id": 2, "text": "Tests first", "replies": [
                {"id": 5, "text": "Agreed", "replies": []}]},
            {"id": 4, "text": "+1", "replies": []}]},
        {"id": 3, "text": "Docs?", "replies": []},
    ]  # fmt: skip


def test_edge_cases() -> None:
    assert p05.nest([]) == []
    # the reply to comment 9, which was deleted, goes with it, and so does its own reply
    assert p05.nest([(1, None, "a"), (2, 9, "b"), (3, 2, "c")]) == [
        {"id": 1, "text": "a", "replies": []}
    ]


@st.composite
def threads(draw: st.DrawFn) -> list[Row]:
    """Comment i replies to an earlier one, none, or a deleted one (ids 100+); rows shuffled."""
    n = draw(st.integers(0, 12))
    rows = [(i, draw(st.sampled_from([None, 100, *range(i)])), f"c{i}") for i in range(n)]
    return draw(st.permutations(rows))


@PROPERTY
@given(threads())
def test_matches_a_brute_force_oracle(rows: list[Row]) -> None:
    # the oracle keeps replies to deleted comments only if they are reachable: never here
    assert p05.nest(rows) == oracle(rows)


def test_large_input_is_fast() -> None:
    n = 100_000  # every comment answers the one before: one very deep thread
    rows: list[Row] = [(i, i - 1 if i else None, "x") for i in range(n)]
    with fast_enough("O(n log n)", n):
        thread = p05.nest(rows)
    assert thread[0]["replies"][0]["id"] == 1
