"""Problem 1: the k busiest chat rooms (counting, then a heap of size k)."""

from __future__ import annotations

import heapq
from collections import Counter


def busiest_rooms(messages: list[str], k: int) -> list[str]:
    """The ``k`` rooms with the most messages in ``messages`` (one room name a message), busiest
    first, a tie by name; fewer when fewer rooms had messages."""
    # BEGIN SOLUTION count per room, then keep the k best in a heap
    counts = Counter(messages)
    # nsmallest keeps a heap of k items: O(rooms log k), not a sort of every room
    best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
    return [room for room, _ in best]
    # END SOLUTION
