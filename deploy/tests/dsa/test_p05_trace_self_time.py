"""Problem 5: a trace's self times (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("deploy.dsa", "p05_trace_self_time")
pytestmark = pytest.mark.task(5)

Span = tuple[str, str | None, int, int]


def oracle(spans: list[Span]) -> dict[str, int]:
    """Count, microsecond by microsecond, the times no child of the span runs."""
    return {
        span: sum(
            1 for t in range(start, end)
            if not any(parent == span and s <= t < e for _, parent, s, e in spans)
        )
        for span, _, start, end in spans
    }  # fmt: skip


def test_example_from_the_statement() -> None:
    spans = [
        ("db-1", "handler", 120, 300),
        ("request", None, 0, 1000),
        ("auth", "request", 50, 150),
        ("handler", "request", 100, 900),
        ("cache", "handler", 150, 250),
        ("db-2", "handler", 400, 700),
    ]
    assert p05.self_times(spans) == {
        "request": 150, "auth": 100, "handler": 320, "db-1": 180, "cache": 100, "db-2": 300,
    }  # fmt: skip


def test_edge_cases() -> None:
    assert p05.self_times([]) == {}
    assert p05.self_times([("a", None, 5, 5)]) == {"a": 0}  # an instant span
    # a child as long as its parent leaves it no self time; nested children count for theirs only
    spans = [("a", None, 0, 10), ("b", "a", 0, 10), ("c", "b", 2, 4), ("d", "b", 4, 6)]
    assert p05.self_times(spans) == {"a": 0, "b": 6, "c": 2, "d": 2}


@st.composite
def traces(draw: st.DrawFn) -> list[Span]:
    """A random tree of spans, each child drawn inside its parent."""
    spans: list[Span] = [("s0", None, 0, draw(st.integers(0, 30)))]
    for i in range(1, draw(st.integers(1, 8))):
        parent, _, start, end = spans[draw(st.integers(0, len(spans) - 1))]
        a, b = sorted(draw(st.tuples(st.integers(start, end), st.integers(start, end))))
        spans.append((f"s{i}", parent, a, b))
    return draw(st.permutations(spans))


@PROPERTY
@given(traces())
def test_matches_a_brute_force_oracle(spans: list[Span]) -> None:
    assert p05.self_times(spans) == oracle(spans)


def test_large_input_is_fast() -> None:
    n = 50_000  # spans under one root: looking for each span's children among all is 2.5 x 10^9
    spans: list[Span] = [("root", None, 0, 10 * n)]
    spans += [(f"call-{i}", "root", 10 * i, 10 * i + 15) for i in range(n - 1)]  # overlapping
    with fast_enough("O(n log n)", n):
        times = p05.self_times(spans)
    assert times["root"] == 10 * n - (10 * (n - 2) + 15)
    assert times["call-7"] == 15
