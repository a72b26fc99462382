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
        raise NotImplementedError("TODO: a sorted list of (point, node)")

    def add(self, node: str) -> None:
        """Put ``node`` on the ring (nothing changes if it is there already)."""
        raise NotImplementedError("TODO: add its points, keep the list sorted")

    def remove(self, node: str) -> None:
        """Take ``node`` off the ring (nothing changes if it is not there)."""
        raise NotImplementedError("TODO: keep the other nodes' points")

    def node_for(self, key: str) -> str | None:
        """The node that holds ``key``, or None on an empty ring."""
        raise NotImplementedError("TODO: binary search for the key's point")
