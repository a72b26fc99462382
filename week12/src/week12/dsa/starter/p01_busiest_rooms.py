"""Problem 1: the k busiest chat rooms (counting, then a heap of size k)."""

from __future__ import annotations

import heapq
from collections import Counter


def busiest_rooms(messages: list[str], k: int) -> list[str]:
    """The ``k`` rooms with the most messages in ``messages`` (one room name a message), busiest
    first, a tie by name; fewer when fewer rooms had messages."""
    raise NotImplementedError("TODO: count per room, then keep the k best in a heap")
