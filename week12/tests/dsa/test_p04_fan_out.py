"""Problem 4: fan-out over relays (the statement is in week12/src/week12/dsa/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week12.dsa", "p04_fan_out")
pytestmark = pytest.mark.task(4)


def oracle(relays: list[tuple[str, str]], origin: str) -> dict[str, int]:
    """Relax every relay until nothing improves (Bellman-Ford with hops as weights)."""
    hops = {origin: 0}
    changed = True
    while changed:
        changed = False
        for sender, receiver in relays:
            if sender in hops and hops[sender] + 1 < hops.get(receiver, len(relays) + 2):
                hops[receiver] = hops[sender] + 1
                changed = True
    return hops


def test_example_from_the_statement() -> None:
    relays = [("eu-1", "eu-2"), ("eu-1", "us-1"), ("us-1", "us-2"), ("eu-2", "us-2"),
              ("us-2", "ap-1"), ("ap-1", "eu-1"), ("ap-2", "ap-1")]  # fmt: skip
    expected = {"eu-1": 0, "eu-2": 1, "us-1": 1, "us-2": 2, "ap-1": 3}
    assert p04.fan_out(relays, "eu-1") == expected  # ap-2 only sends: never reached


def test_edge_cases() -> None:
    assert p04.fan_out([], "solo") == {"solo": 0}
    assert p04.fan_out([("a", "a")], "a") == {"a": 0}  # a relay to itself
    assert p04.fan_out([("a", "b"), ("b", "a")], "a") == {"a": 0, "b": 1}  # a cycle
    assert p04.fan_out([("b", "a")], "a") == {"a": 0}  # relays forward one way only
    # the longer path found first is not the answer
    assert p04.fan_out([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")], "a")["d"] == 1


names = [f"s{i}" for i in range(6)]


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=15))
def test_matches_a_brute_force_oracle(relays: list[tuple[str, str]]) -> None:
    assert p04.fan_out(relays, "s0") == oracle(relays, "s0")


def test_large_input_is_fast() -> None:
    n = 200_000  # a long chain with shortcuts: relaxing until nothing changes is quadratic
    servers = [f"node-{i:06d}" for i in range(n)]
    relays = [(servers[i + 1], servers[i + 2]) for i in range(n - 2)][::-1]
    relays += [(servers[0], servers[1]), (servers[0], servers[n // 2])]
    with fast_enough("O(servers + relays)", n):
        hops = p04.fan_out(relays, servers[0])
    assert len(hops) == n
    assert hops[servers[-1]] == n - n // 2
