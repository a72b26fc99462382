"""Problem 3: a sliding-window rate limiter (the statement is in week06/src/week06/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week06.dsa", "p03_sliding_window_limiter")
pytestmark = pytest.mark.task(3)


def oracle(times: list[int], limit: int, window: int) -> list[bool]:
    """Count the admitted requests in the window anew for every request: quadratic."""
    kept: list[int] = []
    answers = []
    for time in times:
        ok = sum(1 for t in kept if t > time - window) < limit
        if ok:
            kept.append(time)
        answers.append(ok)
    return answers


@pytest.mark.parametrize(
    ("times", "limit", "window", "expected"),
    [
        ([0, 100, 200, 999, 1000, 1100], 3, 1000, [True, True, True, False, True, True]),
        ([5, 5, 5], 2, 10, [True, True, False]),
    ],
)
def test_examples_from_the_statement(
    times: list[int], limit: int, window: int, expected: list[bool]
) -> None:
    assert p03.admitted(times, limit, window) == expected


def test_rejected_requests_do_not_use_up_the_window() -> None:
    # 1 and 2 are rejected; had they counted, 10 would be too (3 requests in (0, 10]).
    assert p03.admitted([0, 1, 2, 10], 1, 10) == [True, False, False, True]


def test_edge_cases() -> None:
    assert p03.admitted([], 5, 1000) == []
    assert p03.admitted([1, 2], 0, 1000) == [False, False]  # a limit of 0 admits nothing
    assert p03.admitted([0, 1, 2], 1, 1) == [True, True, True]  # (t - 1, t] holds only t


@PROPERTY
@given(
    st.lists(st.integers(0, 50), max_size=30).map(sorted),
    st.integers(0, 4),
    st.integers(1, 20),
)
def test_matches_a_brute_force_oracle(times: list[int], limit: int, window: int) -> None:
    assert p03.admitted(times, limit, window) == oracle(times, limit, window)


def test_large_input_is_fast() -> None:
    n = 200_000
    with fast_enough("O(n)", n):
        answers = p03.admitted(list(range(n)), n // 2, n)  # a window holding 100,000 admitted
    assert answers == [True] * (n // 2) + [False] * (n // 2)
