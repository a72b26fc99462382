"""Problem 1: an LRU cache (a hash map and a doubly linked list)."""

from __future__ import annotations


class LRUCache:
    """At most ``capacity`` entries; a full cache evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        # BEGIN SOLUTION a dict from key to node, nodes in a list by recency
        self.capacity = capacity
        self.nodes: dict[str, _Node] = {}
        self.head = _Node("", "")  # a sentinel: head.next is the most recent, head.prev the least
        # END SOLUTION

    def get(self, key: str) -> str | None:
        """The value of ``key`` (which becomes the most recently used), or None."""
        # BEGIN SOLUTION look the node up, move it to the front
        node = self.nodes.get(key)
        if node is None:
            return None
        self._move_to_front(node)
        return node.value
        # END SOLUTION

    def put(self, key: str, value: str) -> str | None:
        """Store ``value`` under ``key`` (now the most recently used); return the evicted key."""
        # BEGIN SOLUTION update and move, or evict the back and insert
        node = self.nodes.get(key)
        if node is not None:
            node.value = value
            self._move_to_front(node)
            return None
        evicted = None
        if len(self.nodes) == self.capacity:
            oldest = self.head.prev
            oldest.unlink()
            del self.nodes[oldest.key]
            evicted = oldest.key
        node = self.nodes[key] = _Node(key, value)
        node.insert_after(self.head)
        return evicted
        # END SOLUTION

    # BEGIN SOLUTION
    def _move_to_front(self, node: _Node) -> None:
        node.unlink()
        node.insert_after(self.head)

    # REPLACE WITH
    # # TODO: helper methods of your own, if you want them
    # END SOLUTION


# BEGIN SOLUTION
class _Node:
    """An entry in a circular doubly linked list; ``__slots__`` keeps many of them small."""

    __slots__ = ("key", "next", "prev", "value")

    def __init__(self, key: str, value: str) -> None:
        self.key, self.value = key, value
        self.prev: _Node = self
        self.next: _Node = self

    def unlink(self) -> None:
        self.prev.next, self.next.prev = self.next, self.prev

    def insert_after(self, other: _Node) -> None:
        self.prev, self.next = other, other.next
        other.next.prev = self
        other.next = self


# REPLACE WITH
# # TODO: classes of your own (a list node?), if your design needs them
# END SOLUTION
