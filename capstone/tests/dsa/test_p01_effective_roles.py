"""Problem 1: effective roles (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("capstone.dsa", "p01_effective_roles")
pytestmark = pytest.mark.task(1)

RANK = {"viewer": 1, "member": 2, "admin": 3}


def oracle(
    parents: dict[str, str | None],
    grants: list[tuple[str, str, str]],
    queries: list[tuple[str, str]],
) -> list[str | None]:
    """Walk up from each queried node, looking at every grant on the way."""
    answers: list[str | None] = []
    for user, node in queries:
        path: list[str] = []
        at: str | None = node
        while at is not None:
            path.append(at)
            at = parents[at]
        roles = [role for who, where, role in grants if who == user and where in path]
        answers.append(max(roles, key=RANK.__getitem__) if roles else None)
    return answers


PARENTS: dict[str, str | None] = {
    "acme": None, "platform": "acme", "api": "platform", "web": "platform",
    "marketing": "acme", "globex": None,
}  # fmt: skip


def test_example_from_the_statement() -> None:
    grants = [("ana", "acme", "viewer"), ("ana", "api", "admin"), ("ben", "platform", "member")]
    queries = [("ana", "api"), ("ana", "web"), ("ben", "api"), ("ben", "marketing"),
               ("ana", "globex")]  # fmt: skip
    assert p01.effective_roles(PARENTS, grants, queries) == [
        "admin", "viewer", "member", None, None
    ]  # fmt: skip


def test_edge_cases() -> None:
    assert p01.effective_roles({}, [], []) == []
    assert p01.effective_roles(PARENTS, [], [("ana", "api")]) == [None]
    # a lower role further down does not lower an inherited higher one
    grants = [("ana", "acme", "admin"), ("ana", "api", "viewer")]
    assert p01.effective_roles(PARENTS, grants, [("ana", "api"), ("ana", "acme")]) == [
        "admin", "admin"
    ]  # fmt: skip
    # a grant on one branch does not leak to its sibling, nor up to the parent
    grants = [("ana", "api", "member"), ("ana", "api", "member")]
    queries = [("ana", "web"), ("ana", "platform"), ("ana", "api")]
    assert p01.effective_roles(PARENTS, grants, queries) == [None, None, "member"]


@st.composite
def trees(draw: st.DrawFn) -> tuple[dict[str, str | None], list[tuple[str, str, str]],
                                    list[tuple[str, str]]]:  # fmt: skip
    size = draw(st.integers(1, 9))
    parents: dict[str, str | None] = {}
    for n in range(size):
        parent = draw(st.one_of(st.none(), st.integers(0, n - 1))) if n else None
        parents[f"n{n}"] = None if parent is None else f"n{parent}"
    nodes = st.sampled_from(sorted(parents))
    users = st.sampled_from(["ana", "ben"])
    grants = draw(st.lists(st.tuples(users, nodes, st.sampled_from(sorted(RANK))), max_size=8))
    queries = draw(st.lists(st.tuples(users, nodes), max_size=8))
    return parents, grants, queries


@PROPERTY
@given(trees())
def test_matches_a_brute_force_oracle(
    case: tuple[dict[str, str | None], list[tuple[str, str, str]], list[tuple[str, str]]],
) -> None:
    parents, grants, queries = case
    assert p01.effective_roles(parents, grants, queries) == oracle(parents, grants, queries)


def test_large_input_is_fast() -> None:
    n = 40_000  # a chain 40,000 deep: walking up from every query is 8 x 10^8 steps
    parents: dict[str, str | None] = {f"p{i}": f"p{i - 1}" if i else None for i in range(n)}
    grants = [("ana", "p0", "viewer"), ("ben", f"p{n // 2}", "admin")]
    grants += [(f"u{i}", f"p{i}", "member") for i in range(0, n, 10)]
    queries = [("ana", f"p{i}") for i in range(n)] + [("ben", f"p{n - 1}"), ("ben", "p7")]
    with fast_enough("O(nodes + grants + queries)", n):
        answers = p01.effective_roles(parents, grants, queries)
    assert answers[:n] == ["viewer"] * n
    assert answers[n:] == ["admin", None]
