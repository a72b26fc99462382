"""Problem 2: a job graph in parallel stages (the statement is in week11/src/week11/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("week11.dsa", "p02_job_stages")
pytestmark = pytest.mark.task(2)


def oracle(jobs: list[str], needs: list[tuple[str, str]]) -> list[list[str]] | None:
    """Run, stage after stage, every job whose needs all ran; None when some never can."""
    done: set[str] = set()
    stages: list[list[str]] = []
    while len(done) < len(set(jobs)):
        ready = sorted({
            job for job in jobs
            if job not in done and all(n in done for j, n in needs if j == job)
        })  # fmt: skip
        if not ready:
            return None
        stages.append(ready)
        done |= set(ready)
    return stages


def test_example_from_the_statement() -> None:
    jobs = ["build", "test", "lint", "package", "deploy", "notify"]
    needs = [("test", "build"), ("package", "test"), ("package", "lint"), ("deploy", "package"),
             ("notify", "deploy"), ("notify", "lint")]  # fmt: skip
    expected = [["build", "lint"], ["test"], ["package"], ["deploy"], ["notify"]]
    assert p02.job_stages(jobs, needs) == expected


def test_edge_cases() -> None:
    assert p02.job_stages([], []) == []
    assert p02.job_stages(["b", "a"], []) == [["a", "b"]]  # independent: one stage, sorted
    # a need listed twice is one need
    assert p02.job_stages(["a", "b"], [("b", "a"), ("b", "a")]) == [["a"], ["b"]]
    # a job waits for its slowest need
    stages = p02.job_stages(["a", "b", "c", "d"], [("b", "a"), ("c", "b"), ("d", "a"), ("d", "c")])
    assert stages == [["a"], ["b"], ["c"], ["d"]]


def test_a_cycle_is_an_error_naming_a_job_on_it() -> None:
    with pytest.raises(ValueError, match="cycle") as raised:
        p02.job_stages(["a", "b", "c", "d"], [("b", "a"), ("c", "b"), ("b", "c"), ("d", "c")])
    assert any(job in str(raised.value) for job in ("b", "c", "d"))
    with pytest.raises(ValueError, match="cycle"):
        p02.job_stages(["a"], [("a", "a")])


names = [f"j{i}" for i in range(7)]


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12), st.booleans())
def test_matches_a_brute_force_oracle(edges: list[tuple[int, int]], acyclic: bool) -> None:
    if acyclic:  # a later job needs an earlier one: no cycle; else any pairs, often a cycle
        edges = [(max(a, b), min(a, b)) for a, b in edges if a != b]
    needs = [(names[a], names[b]) for a, b in edges]
    expected = oracle(names, needs)
    if expected is None:
        with pytest.raises(ValueError, match="cycle"):
            p02.job_stages(names, needs)
    else:
        assert p02.job_stages(names, needs) == expected


def test_large_input_is_fast() -> None:
    n = 50_000  # a chain with side jobs: rescanning the jobs at every stage is quadratic
    jobs = [f"step-{i:06d}" for i in range(n)]
    chain = [(jobs[i], jobs[i - 1]) for i in range(1, n)]
    needs = chain + [(jobs[i], jobs[0]) for i in range(2, n)]  # and all need the first
    with fast_enough("O(n + e)", n):
        stages = p02.job_stages(jobs, needs)
    assert len(stages) == n
    assert stages[-1] == [jobs[-1]]
