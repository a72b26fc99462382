"""Problem 5: cache warm-up jobs on workers (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p05 = impl_module("week10.dsa", "p05_warmup_schedule")
pytestmark = pytest.mark.task(5)


def oracle(jobs: list[tuple[int, int]], workers: int) -> list[int]:
    """Scan every worker for the one free first: O(n x workers)."""
    free = [0] * workers
    finished = []
    for ready, duration in jobs:
        worker = min(range(workers), key=lambda w: free[w])
        free[worker] = max(ready, free[worker]) + duration
        finished.append(free[worker])
    return finished


def test_example_from_the_statement() -> None:
    jobs = [(0, 5), (0, 3), (1, 4), (2, 3), (10, 1), (10, 1)]
    assert p05.finish_times(jobs, 2) == [5, 3, 7, 8, 11, 11]


def test_edge_cases() -> None:
    assert p05.finish_times([], 3) == []
    assert p05.finish_times([(4, 2)], 1) == [6]  # a job waits for its ready time
    assert p05.finish_times([(0, 2), (0, 2), (0, 2)], 1) == [2, 4, 6]  # one worker: a queue
    assert p05.finish_times([(0, 0), (0, 0)], 5) == [0, 0]


jobs = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=15).map(sorted)


@PROPERTY
@given(jobs, st.integers(1, 4))
def test_matches_a_brute_force_oracle(jobs: list[tuple[int, int]], workers: int) -> None:
    assert p05.finish_times(jobs, workers) == oracle(jobs, workers)


def test_large_input_is_fast() -> None:
    n, workers = 200_000, 10_000  # a scan of the workers per job: 2 x 10^9 steps
    jobs = [(i // 100, 50 + i % 7) for i in range(n)]
    with fast_enough("O(n log workers)", n):
        finished = p05.finish_times(jobs, workers)
    assert finished[:3] == [50, 51, 52]
    assert len(finished) == n
