"""Problem 4: a consistent hashing ring (the statement is in week10/src/week10/dsa/README.md)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from testkit import impl_module
from testkit.dsa import PROPERTY, fast_enough

p04 = impl_module("week10.dsa", "p04_hash_ring")
pytestmark = pytest.mark.task(4)

KEYS = [f"user:{i}" for i in range(40)]


def oracle(nodes: set[str], replicas: int, key: str) -> str | None:
    """Look at every point of every node for the first one at or after the key's."""
    points = [(p04.ring_hash(f"{node}#{i}"), node) for node in nodes for i in range(replicas)]
    if not points:
        return None
    after = [point for point in points if point[0] >= p04.ring_hash(key)]
    return min(after or points)[1]


def test_example_from_the_statement() -> None:
    ring = p04.HashRing(replicas=3)
    assert ring.node_for("user:1") is None
    for node in ("cache-a", "cache-b", "cache-c"):
        ring.add(node)
    keys = ["user:1", "user:2", "user:3", "stats"]
    assert [ring.node_for(k) for k in keys] == ["cache-a", "cache-c", "cache-b", "cache-c"]
    ring.remove("cache-b")
    assert [ring.node_for(k) for k in keys] == ["cache-a", "cache-c", "cache-a", "cache-c"]


def test_edge_cases() -> None:
    ring = p04.HashRing(replicas=1)
    ring.add("only")
    ring.add("only")  # twice: still one node
    assert {ring.node_for(k) for k in KEYS} == {"only"}
    ring.remove("absent")  # nothing to do
    ring.remove("only")
    assert ring.node_for("user:1") is None
    # a key hashed past the last point belongs to the first one: find such a key
    ring.add("a")
    ring.add("b")
    last = max(p04.ring_hash(f"{n}#0") for n in "ab")
    first_node = min("ab", key=lambda n: p04.ring_hash(f"{n}#0"))
    wrapping = next(k for k in (f"k{i}" for i in range(10_000)) if p04.ring_hash(k) > last)
    assert ring.node_for(wrapping) == first_node


def test_adding_a_node_moves_keys_only_to_it() -> None:
    ring = p04.HashRing(replicas=50)
    for node in ("cache-a", "cache-b", "cache-c", "cache-d"):
        ring.add(node)
    keys = [f"user:{i}" for i in range(2_000)]
    before = {k: ring.node_for(k) for k in keys}
    ring.add("cache-e")
    moved = [k for k in keys if ring.node_for(k) != before[k]]
    assert {ring.node_for(k) for k in moved} == {"cache-e"}
    assert 200 < len(moved) < 700  # about a fifth of the keys, not most of them
    spread = Counter(ring.node_for(k) for k in keys)
    assert min(spread.values()) > 200  # 50 points per node spread the keys out


@PROPERTY
@given(
    st.integers(1, 4),
    st.lists(st.tuples(st.booleans(), st.sampled_from(["n1", "n2", "n3", "n4"])), max_size=8),
)
def test_matches_a_brute_force_oracle(replicas: int, changes: list[tuple[bool, str]]) -> None:
    ring, nodes = p04.HashRing(replicas), set[str]()
    for adding, node in changes:
        if adding:
            ring.add(node)
            nodes.add(node)
        else:
            ring.remove(node)
            nodes.discard(node)
        assert [ring.node_for(k) for k in KEYS] == [oracle(nodes, replicas, k) for k in KEYS]


def test_large_input_is_fast() -> None:
    n = 100_000  # lookups on 100 nodes x 100 points: a scan of the points is 10^9 steps
    ring = p04.HashRing(replicas=100)
    for i in range(100):
        ring.add(f"cache-{i}")
    with fast_enough("O(log(nodes x replicas)) per lookup", n):
        owners = Counter(ring.node_for(f"key:{i}") for i in range(n))
    assert len(owners) == 100
