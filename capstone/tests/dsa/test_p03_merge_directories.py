"""Problem 3: merging member directories (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("capstone.dsa", "p03_merge_directories")
pytestmark = pytest.mark.task(3)


def oracle(entries: list[list[str]]) -> list[list[str]]:
    """Merge any two groups sharing an address until no two do."""
    groups = [set(entry) for entry in entries]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if groups[i] & groups[j]:
                    groups[i] |= groups.pop(j)
                    merged = True
                    break
            if merged:
                break
    return sorted(sorted(group) for group in groups)


def test_example_from_the_statement() -> None:
    entries = [
        ["ana@acme.io", "ana@gmail.com"],
        ["ben@globex.com"],
        ["a.lopez@globex.com", "ana@gmail.com"],
        ["ben@globex.com", "ben@acme.io"],
        ["cleo@acme.io"],
    ]
    assert p03.merge_directories(entries) == [
        ["a.lopez@globex.com", "ana@acme.io", "ana@gmail.com"],
        ["ben@acme.io", "ben@globex.com"],
        ["cleo@acme.io"],
    ]


def test_edge_cases() -> None:
    assert p03.merge_directories([]) == []
    assert p03.merge_directories([["x@a.io", "x@a.io"]]) == [["x@a.io"]]  # listed twice in one
    # linked only through a third entry that comes last
    assert p03.merge_directories([["a"], ["b"], ["c"], ["a", "c"], ["b", "c"]]) == [
        ["a", "b", "c"]
    ]  # fmt: skip


@PROPERTY
@given(st.lists(st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=3), max_size=8))
def test_matches_a_brute_force_oracle(entries: list[list[str]]) -> None:
    assert p03.merge_directories(entries) == oracle(entries)


def test_large_input_is_fast() -> None:
    n = 40_000  # a chain of entries, each sharing one address with the next: one person
    entries = [[f"u{i}@acme.io", f"u{i + 1}@acme.io"] for i in range(n)][::-1]
    entries += [[f"solo{i}@globex.com"] for i in range(n)]
    with fast_enough("O(addresses x alpha(entries)) plus sorting", n):
        people = p03.merge_directories(entries)
    assert len(people) == n + 1
    assert people[0] == ["solo0@globex.com"]
    assert len(people[-1]) == n + 1
