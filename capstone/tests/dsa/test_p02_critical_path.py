"""Problem 2: the critical path (the statement is in capstone/src/capstone/dsa/README.md)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p02 = impl_module("capstone.dsa", "p02_critical_path")
pytestmark = pytest.mark.task(2)


def oracle(durations: dict[str, int], dependencies: list[tuple[str, str]]) -> dict[str, int] | None:
    """A cycle when a task reaches itself (every path followed, step by step); otherwise relax
    every dependency again and again until the starts settle."""
    reach = {
        task: {after for before, after in dependencies if before == task} for task in durations
    }
    for _ in durations:
        reach = {task: found.union(*(reach[t] for t in found)) for task, found in reach.items()}
    if any(task in found for task, found in reach.items()):
        return None
    start = dict.fromkeys(durations, 0)
    changed = True
    while changed:
        changed = False
        for before, after in dependencies:
            if start[before] + durations[before] > start[after]:
                start[after] = start[before] + durations[before]
                changed = True
    return start


def test_example_from_the_statement() -> None:
    durations = {"design": 3, "api": 5, "web": 4, "docs": 1, "release": 1}
    dependencies = [("design", "api"), ("design", "web"), ("api", "release"), ("web", "release"),
                    ("api", "docs")]  # fmt: skip
    assert p02.earliest_starts(durations, dependencies) == {
        "design": 0, "api": 3, "web": 3, "docs": 8, "release": 8
    }  # fmt: skip
    assert p02.earliest_starts(durations, [*dependencies, ("release", "design")]) is None


def test_edge_cases() -> None:
    assert p02.earliest_starts({}, []) == {}
    assert p02.earliest_starts({"a": 2, "b": 0}, []) == {"a": 0, "b": 0}
    assert p02.earliest_starts({"a": 2}, [("a", "a")]) is None  # blocked by itself
    # a dependency listed twice counts once; a zero-length task passes its start on
    assert p02.earliest_starts({"a": 2, "b": 0, "c": 1}, [("a", "b"), ("a", "b"), ("b", "c")]) == {
        "a": 0, "b": 2, "c": 2
    }  # fmt: skip
    # a cycle anywhere leaves no plan, even if other tasks could be scheduled
    assert p02.earliest_starts({"a": 1, "b": 1, "c": 1}, [("b", "c"), ("c", "b")]) is None


@st.composite
def projects(draw: st.DrawFn) -> tuple[dict[str, int], list[tuple[str, str]]]:
    size = draw(st.integers(1, 7))
    durations = {f"t{i}": draw(st.integers(0, 9)) for i in range(size)}
    tasks = st.sampled_from(sorted(durations))
    return durations, draw(st.lists(st.tuples(tasks, tasks), max_size=10))


@PROPERTY
@given(projects())
def test_matches_a_brute_force_oracle(case: tuple[dict[str, int], list[tuple[str, str]]]) -> None:
    durations, dependencies = case
    assert p02.earliest_starts(durations, dependencies) == oracle(durations, dependencies)


def test_large_input_is_fast() -> None:
    n = 40_000  # a chain plus shortcuts: relaxing round after round is 2 x 10^9 steps
    rng = random.Random(2)
    durations = {f"t{i}": 1 for i in range(n)}
    dependencies = [(f"t{i}", f"t{i + 1}") for i in range(n - 1)]
    dependencies += [
        (f"t{a}", f"t{a + rng.randint(2, 50)}") for a in rng.sample(range(n - 50), n // 2)
    ]
    rng.shuffle(dependencies)
    with fast_enough("O(tasks + dependencies)", n):
        starts = p02.earliest_starts(durations, dependencies)
        cyclic = p02.earliest_starts(durations, [*dependencies, (f"t{n - 1}", "t0")])
    assert starts is not None
    assert starts[f"t{n - 1}"] == n - 1
    assert cyclic is None
