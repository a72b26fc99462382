"""Problem 4: a consistent hashing ring (binary search on sorted points)."""

from __future__ import annotations

import bisect
import hashlib


def ring_hash(text: str) -> int:
    """A point on the ring, 0 to 2**64 - 1: the same on every machine and every run (Python's
    ``hash()`` of a string changes from run to run)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


class HashRing:
    """Shards (cache nodes) on a ring: each node at ``replicas`` points, ``ring_hash(f"{node}#{i}")``
    for i in 0 .. replicas - 1; a key belongs to the node of the first point at or after
    ``ring_hash(key)``, going round past the end to the first point."""

    def __init__(self, replicas: int) -> None:
        # BEGIN SOLUTION a sorted list of (point, node)
        self.replicas = replicas
        self.points: list[tuple[int, str]] = []
        self.nodes: set[str] = set()
        # END SOLUTION

    def add(self, node: str) -> None:
        """Put ``node`` on the ring (nothing changes if it is there already)."""
        # BEGIN SOLUTION add its points, keep the list sorted
        if node in self.nodes:
            return
        self.nodes.add(node)
        new = sorted((ring_hash(f"{node}#{i}"), node) for i in range(self.replicas))
        self.points = sorted(self.points + new)  # two sorted runs: Timsort merges them, O(points)
        # END SOLUTION

    def remove(self, node: str) -> None:
        """Take ``node`` off the ring (nothing changes if it is not there)."""
        # BEGIN SOLUTION keep the other nodes' points
        if node in self.nodes:
            self.nodes.remove(node)
            self.points = [point for point in self.points if point[1] != node]
        # END SOLUTION

    def node_for(self, key: str) -> str | None:
        """The node that holds ``key``, or None on an empty ring."""
        # BEGIN SOLUTION binary search for the key's point
        if not self.points:
            return None
        index = bisect.bisect_left(self.points, (ring_hash(key), ""))
        return self.points[index % len(self.points)][1]  # past the last point: the first
        # END SOLUTION
