"""Problem 4: release propagation (the statement is in deploy/src/deploy/dsa/README.md)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("deploy.dsa", "p04_release_propagation")
pytestmark = pytest.mark.task(4)

Link = tuple[str, str, int]


def oracle(links: list[Link], origin: str) -> int | None:
    """Bellman-Ford: relax every link as many times as there are mirrors."""
    mirrors = {origin} | {m for source, target, _ in links for m in (source, target)}
    arrival = {origin: 0}
    for _ in mirrors:
        for source, target, seconds in links:
            if source in arrival and arrival[source] + seconds < arrival.get(target, 10**18):
                arrival[target] = arrival[source] + seconds
    return max(arrival.values()) if len(arrival) == len(mirrors) else None


LINKS = [
    ("registry", "eu-1", 40), ("registry", "us-1", 30), ("us-1", "eu-1", 5),
    ("eu-1", "eu-2", 20), ("us-1", "ap-1", 90), ("eu-2", "ap-1", 10),
]  # fmt: skip


def test_example_from_the_statement() -> None:
    assert p04.full_propagation(LINKS, "registry") == 65  # ap-1 through us-1, eu-1, eu-2
    assert p04.full_propagation([*LINKS, ("ap-2", "ap-1", 1)], "registry") is None


def test_edge_cases() -> None:
    assert p04.full_propagation([], "registry") == 0  # the origin alone
    assert p04.full_propagation([("a", "a", 3)], "a") == 0  # copying from itself
    assert p04.full_propagation([("a", "b", 0), ("b", "a", 7)], "a") == 0
    assert p04.full_propagation([("a", "b", 5), ("a", "b", 2)], "a") == 2  # the faster link
    assert p04.full_propagation([("b", "a", 5)], "a") is None  # links are one way


mirror = st.sampled_from(["o", "a", "b", "c", "d"])


@PROPERTY
@given(st.lists(st.tuples(mirror, mirror, st.integers(0, 20)), max_size=12))
def test_matches_a_brute_force_oracle(links: list[Link]) -> None:
    assert p04.full_propagation(links, "o") == oracle(links, "o")


def test_large_input_is_fast() -> None:
    n = 20_000  # mirrors, 60,000 links: relaxing every link n times is 1.2 x 10^9
    rng = random.Random(4)
    chain = [(f"m{i}", f"m{i + 1}", rng.randint(50, 100)) for i in range(n - 1)]
    slow = 100 * n  # shortcuts slower than the whole chain: the chain decides
    links = chain + [
        (f"m{rng.randrange(n)}", f"m{rng.randrange(n)}", rng.randint(slow, 2 * slow))
        for _ in range(2 * n)
    ]
    rng.shuffle(links)
    with fast_enough("O((mirrors + links) log mirrors)", n):
        seconds = p04.full_propagation(links, "m0")
    assert seconds == sum(s for _, _, s in chain)
