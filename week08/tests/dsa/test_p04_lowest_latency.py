"""Problem 4: the lowest latency (the statement is in week08/src/week08/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week08.dsa", "p04_lowest_latency")
pytestmark = pytest.mark.task(4)

LINKS = [("eu", "us", 90), ("eu", "asia", 250), ("us", "asia", 120), ("asia", "au", 110),
         ("us", "au", 260), ("au", "eu", 280)]  # fmt: skip


def oracle(links: list[tuple[str, str, int]], start: str, goal: str) -> int | None:
    """Bellman-Ford: relax every link, as many rounds as there are regions."""
    best = {start: 0}
    for _ in range(len(links) + 1):
        for a, b, ms in links:
            if a in best and best[a] + ms < best.get(b, best[a] + ms + 1):
                best[b] = best[a] + ms
    return best.get(goal)


@pytest.mark.parametrize(
    ("start", "goal", "expected"),
    [("eu", "au", 320), ("eu", "asia", 210), ("au", "us", 370), ("us", "us", 0)],
)
def test_examples_from_the_statement(start: str, goal: str, expected: int) -> None:
    assert p04.lowest_latency(LINKS, start, goal) == expected


def test_edge_cases() -> None:
    assert p04.lowest_latency(LINKS, "asia", "mars") is None
    assert p04.lowest_latency([("a", "b", 5)], "b", "a") is None  # links are one-way
    assert p04.lowest_latency([("a", "b", 0), ("b", "c", 0)], "a", "c") == 0
    assert p04.lowest_latency([("a", "b", 9), ("a", "b", 4)], "a", "b") == 4  # parallel links


names = st.sampled_from("abcde")


@PROPERTY
@given(st.lists(st.tuples(names, names, st.integers(0, 20)), max_size=12), names, names)
def test_matches_a_brute_force_oracle(
    links: list[tuple[str, str, int]], start: str, goal: str
) -> None:
    assert p04.lowest_latency(links, start, goal) == oracle(links, start, goal)


def test_large_input_is_fast() -> None:
    n = 50_000  # a ladder: every region links to the next two, cheap and dear
    links = [(f"r{i}", f"r{i + 1}", 1 + i % 3) for i in range(n)]
    links += [(f"r{i}", f"r{i + 2}", 5) for i in range(n - 1)]
    with fast_enough("O((V + E) log V)", 2 * n):
        latency = p04.lowest_latency(links, "r0", f"r{n}")
    assert latency == oracle_fast(links, n)


def oracle_fast(links: list[tuple[str, str, int]], n: int) -> int:
    """The ladder's answer by dynamic programming along it (regions are in order)."""
    best = [0] + [10**9] * n
    for a, b, ms in sorted(links, key=lambda link: int(link[0][1:])):
        i, j = int(a[1:]), int(b[1:])
        best[j] = min(best[j], best[i] + ms)
    return best[n]
