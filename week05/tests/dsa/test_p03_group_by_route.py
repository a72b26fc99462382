"""Problem 3: group request paths by route (the statement is in week05/src/week05/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week05.dsa", "p03_group_by_route")
pytestmark = pytest.mark.task(3)


def same_route(a: str, b: str) -> bool:
    """Segment by segment: equal, or both made of digits."""
    sa, sb = a.split("/"), b.split("/")
    return len(sa) == len(sb) and all(
        x == y or (x.isdigit() and y.isdigit()) for x, y in zip(sa, sb, strict=True)
    )


def oracle(paths: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    for path in paths:
        group = next((g for g in groups if same_route(g[0], path)), None)
        if group is None:
            groups.append([path])
        else:
            group.append(path)
    return groups


def test_example_from_the_statement() -> None:
    paths = ["/users/42", "/users/7/orders", "/users/me", "/users/9", "/users/7/orders"]
    assert p03.group_by_route(paths) == [
        ["/users/42", "/users/9"],
        ["/users/7/orders", "/users/7/orders"],
        ["/users/me"],
    ]


@pytest.mark.parametrize(
    ("path", "route"),
    [
        ("/users/42", "/users/{id}"),
        ("/orgs/7/projects/12/tasks", "/orgs/{id}/projects/{id}/tasks"),
        ("/v2/items", "/v2/items"),  # "v2" has a letter: not an id
        ("/", "/"),
        ("/users/", "/users/"),  # an empty segment is not an id
    ],
)
def test_route_of(path: str, route: str) -> None:
    assert p03.route_of(path) == route


def test_edge_cases() -> None:
    assert p03.group_by_route([]) == []
    assert p03.group_by_route(["/a/1", "/a/1/b"]) == [["/a/1"], ["/a/1/b"]]  # lengths differ
    assert p03.group_by_route(["/1", "/2", "/x"]) == [["/1", "/2"], ["/x"]]


paths = st.lists(
    st.lists(
        st.sampled_from(["users", "orders", "me", "1", "42", "007"]), min_size=1, max_size=3
    ).map(lambda parts: "/" + "/".join(parts)),
    max_size=15,
)


@PROPERTY
@given(paths)
def test_matches_a_brute_force_oracle(paths: list[str]) -> None:
    assert p03.group_by_route(paths) == oracle(paths)


def test_large_input_is_fast() -> None:
    n = 100_000
    paths = [f"/tenants/{i % 500}/resource{i % 1000}/{i}" for i in range(n)]
    with fast_enough("O(total length of the paths)", n):
        groups = p03.group_by_route(paths)
    assert len(groups) == 1000
    assert groups[3][:2] == ["/tenants/3/resource3/3", "/tenants/3/resource3/1003"]
