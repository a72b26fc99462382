"""Problem 4: the longest route prefix (the statement is in week07/src/week07/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week07.dsa", "p04_route_prefix")
pytestmark = pytest.mark.task(4)


def segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def oracle(routes: list[str], paths: list[str]) -> list[str | None]:
    """Try every route against every path: O(routes * paths)."""
    found: list[str | None] = []
    for path in paths:
        parts = segments(path)
        fits = [segments(r) for r in routes if segments(r) == parts[: len(segments(r))]]
        best = max(fits, key=len, default=None)
        found.append(None if best is None else "/" + "/".join(best))
    return found


ROUTES = ["/api", "/api/v2", "/api/v2/tasks", "/static"]


def test_example_from_the_statement() -> None:
    paths = ["/api/v2/tasks/7", "/api/v1/users", "/api/v2x", "/health", "/static/"]
    assert p04.longest_prefixes(ROUTES, paths) == [
        "/api/v2/tasks", "/api", "/api", None, "/static"
    ]  # fmt: skip


def test_edge_cases() -> None:
    assert p04.longest_prefixes([], ["/a"]) == [None]
    assert p04.longest_prefixes(["/a"], []) == []
    assert p04.longest_prefixes(["/"], ["/anything", "/"]) == ["/", "/"]  # the root matches all
    assert p04.longest_prefixes(["//a//b/"], ["/a/b/c"]) == ["/a/b"]  # empty segments ignored


route = st.lists(st.sampled_from("ab"), max_size=3).map(lambda p: "/" + "/".join(p))


@PROPERTY
@given(st.lists(route, max_size=6), st.lists(route, max_size=6))
def test_matches_a_brute_force_oracle(routes: list[str], paths: list[str]) -> None:
    assert p04.longest_prefixes(routes, paths) == oracle(routes, paths)


def test_large_input_is_fast() -> None:
    n = 20_000  # routes and paths: trying every route for every path is 400 million tries
    routes = [f"/svc{i}/v1" for i in range(n)]
    paths = [f"/svc{i}/v1/items/{i}" for i in range(n)]
    with fast_enough("O(total length)", 2 * n):
        found = p04.longest_prefixes(routes, paths)
    assert found[-1] == f"/svc{n - 1}/v1"
