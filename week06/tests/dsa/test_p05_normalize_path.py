"""Problem 5: normalize a URL path (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week06.dsa", "p05_normalize_path")
pytestmark = pytest.mark.task(5)


def oracle(path: str) -> str:
    """The standard library's answer, from one leading slash (it keeps a leading ``//``)."""
    return posixpath.normpath("/" + path.lstrip("/"))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/v1/../v2/./tasks/", "/api/v2/tasks"),
        ("/static//css/../../img/logo.png", "/img/logo.png"),
        ("/../../etc/passwd", "/etc/passwd"),
    ],
)
def test_examples_from_the_statement(path: str, expected: str) -> None:
    assert p05.normalize_path(path) == expected


def test_edge_cases() -> None:
    assert p05.normalize_path("") == "/"
    assert p05.normalize_path("/") == "/"
    assert p05.normalize_path("tasks/7") == "/tasks/7"  # relative: from the root
    assert p05.normalize_path("/a/.../b") == "/a/.../b"  # three dots is a name
    assert p05.normalize_path("/a/..b/c") == "/a/..b/c"


segments = st.sampled_from(["a", "b", ".", "..", "", "..."])


@PROPERTY
@given(st.lists(segments, max_size=12).map("/".join))
def test_matches_the_standard_library(path: str) -> None:
    assert p05.normalize_path(path) == oracle(path)


def test_large_input_is_fast() -> None:
    n = 200_000
    path = "/x" * n + "/.." * (n - 1)
    with fast_enough("O(n)", len(path)):
        normal = p05.normalize_path(path)
    assert normal == "/x"
