"""Problem 3: networks after each cable (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p03 = impl_module("week08.dsa", "p03_networks")
pytestmark = pytest.mark.task(3)


def oracle(hosts: int, cables: list[tuple[int, int]]) -> list[int]:
    """Recount the networks by flooding from scratch after every cable: quadratic."""
    counts = []
    for k in range(1, len(cables) + 1):
        seen: set[int] = set()
        networks = 0
        for host in range(hosts):
            if host in seen:
                continue
            networks += 1
            todo = [host]
            while todo:
                h = todo.pop()
                if h not in seen:
                    seen.add(h)
                    todo += [b for a, b in cables[:k] if a == h] + [
                        a for a, b in cables[:k] if b == h
                    ]
        counts.append(networks)
    return counts


def test_example_from_the_statement() -> None:
    assert p03.networks_after_each(5, [(0, 1), (2, 3), (1, 0), (1, 2), (4, 4)]) == [4, 3, 3, 2, 2]


def test_edge_cases() -> None:
    assert p03.networks_after_each(3, []) == []
    assert p03.networks_after_each(1, [(0, 0)]) == [1]


@st.composite
def networks(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    hosts = draw(st.integers(1, 8))
    host = st.integers(0, hosts - 1)
    return hosts, draw(st.lists(st.tuples(host, host), max_size=10))


@PROPERTY
@given(networks())
def test_matches_a_brute_force_oracle(case: tuple[int, list[tuple[int, int]]]) -> None:
    hosts, cables = case
    assert p03.networks_after_each(hosts, cables) == oracle(hosts, cables)


def test_large_input_is_fast() -> None:
    n = 200_000  # cables join host i to i + 1, from the far end: naive trees grow into chains
    cables = [(i, i + 1) for i in range(n - 2, -1, -1)] + [(0, n - 1)] * n
    with fast_enough("O((n + m) log n)", n):
        counts = p03.networks_after_each(n, cables)
    assert counts[n - 2] == 1
    assert counts[-1] == 1
