"""Problem 1: the shortest schedule with cooldowns (the statement is in
week11/src/week11/dsa/README.md)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p01 = impl_module("week11.dsa", "p01_cooldown_schedule")
pytestmark = pytest.mark.task(1)


def oracle(jobs: list[str], cooldown: int) -> int:
    """Breadth-first search over every schedule: a state is the jobs left of each kind and the
    slots each kind still has to wait; each slot runs a ready kind or nothing."""
    kinds = sorted(set(jobs))
    start = (tuple(Counter(jobs)[kind] for kind in kinds), (0,) * len(kinds))
    level, seen, slots = {start}, {start}, 0
    while not any(sum(left) == 0 for left, _ in level):
        following = set()
        for left, waits in level:
            cooled = tuple(max(0, wait - 1) for wait in waits)
            options = [(left, cooled)]  # an idle slot
            for i, kind_left in enumerate(left):
                if kind_left and not waits[i]:
                    ran = (*left[:i], kind_left - 1, *left[i + 1 :])
                    options.append((ran, (*cooled[:i], cooldown, *cooled[i + 1 :])))
            following |= {state for state in options if state not in seen}
        seen |= following
        level, slots = following, slots + 1
    return slots


def test_example_from_the_statement() -> None:
    jobs = ["mail", "mail", "mail", "report", "report", "thumb"]
    assert p01.shortest_schedule(jobs, 2) == 7  # mail report thumb mail report idle mail


def test_edge_cases() -> None:
    assert p01.shortest_schedule([], 3) == 0
    assert p01.shortest_schedule(["a"], 100) == 1  # no cooldown after the last job
    assert p01.shortest_schedule(["a", "a", "a"], 0) == 3
    assert p01.shortest_schedule(["a", "a", "b", "b"], 1) == 4  # a b a b: two kinds tied
    # enough other kinds: no slot is ever idle
    assert p01.shortest_schedule(["a", "a", "b", "c", "d", "e"], 2) == 6


@PROPERTY
@given(st.lists(st.sampled_from("abc"), max_size=7), st.integers(0, 3))
def test_matches_a_brute_force_oracle(jobs: list[str], cooldown: int) -> None:
    assert p01.shortest_schedule(jobs, cooldown) == oracle(jobs, cooldown)


def test_large_input_is_fast() -> None:
    n = 200_000  # a cooldown of 10^9: no slot-by-slot simulation finishes
    jobs = [f"kind-{i % 1_000}" for i in range(n)]
    with fast_enough("O(n)", n):
        slots = p01.shortest_schedule(jobs, 10**9)
    assert slots == 199 * (10**9 + 1) + 1_000
