"""Problem 1: an LRU cache (a hash map and a doubly linked list)."""

from __future__ import annotations


class LRUCache:
    """At most ``capacity`` entries; a full cache evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError("TODO: a dict from key to node, nodes in a list by recency")

    def get(self, key: str) -> str | None:
        """The value of ``key`` (which becomes the most recently used), or None."""
        raise NotImplementedError("TODO: look the node up, move it to the front")

    def put(self, key: str, value: str) -> str | None:
        """Store ``value`` under ``key`` (now the most recently used); return the evicted key."""
        raise NotImplementedError("TODO: update and move, or evict the back and insert")

    # TODO: helper methods of your own, if you want them


# TODO: classes of your own (a list node?), if your design needs them
