"""Problem 1: the first bad release (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("deploy.dsa", "p01_first_bad_release")
pytestmark = pytest.mark.task(1)


class Bisect:
    """A test run per call: releases from ``first_bad`` on are bad; the calls are counted."""

    def __init__(self, releases: list[str], first_bad: int) -> None:
        self.bad = set(releases[first_bad:])
        self.calls = 0

    def __call__(self, release: str) -> bool:
        self.calls += 1
        return release in self.bad


def budget(n: int) -> int:
    """The test runs a binary search needs at most: n + 1 answers (None included)."""
    return math.ceil(math.log2(n + 1))


def find(releases: list[str], first_bad: int) -> tuple[str | None, int]:
    probe = Bisect(releases, first_bad)
    is_bad: Callable[[str], bool] = probe
    return p01.first_bad_release(releases, is_bad), probe.calls


def test_example_from_the_statement() -> None:
    releases = ["v1.0", "v1.1", "v1.2", "v1.3", "v1.4", "v1.5", "v1.6", "v1.7"]
    found, calls = find(releases, 5)
    assert found == "v1.5"
    assert calls <= 4  # not 8: a linear scan would also find it, in up to 8 test runs
    assert find(releases, 8)[0] is None  # every release good


def test_edge_cases() -> None:
    assert find([], 0) == (None, 0)
    assert find(["v1"], 0)[0] == "v1"
    assert find(["v1"], 1)[0] is None
    assert find(["v1", "v2"], 0)[0] == "v1"  # the very first one is bad


@PROPERTY
@given(st.integers(0, 40).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))))
def test_finds_the_first_bad_within_the_budget(case: tuple[int, int]) -> None:
    n, first_bad = case
    releases = [f"r{i}" for i in range(n)]
    found, calls = find(releases, first_bad)
    assert found == (releases[first_bad] if first_bad < n else None)
    assert calls <= budget(n), (
        f"{calls} test runs for {n} releases, a binary search needs {budget(n)}"
    )


def test_large_input_is_fast() -> None:
    n = 200_000  # commits: 18 test runs, not 200,000
    releases = [f"{i:07x}" for i in range(n)]
    with fast_enough("O(log n) test runs", n):
        found, calls = find(releases, 177_777)
    assert found == releases[177_777]
    assert calls <= budget(n)
