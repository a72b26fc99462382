"""Problem 6: what to keep in a cache of limited memory (0/1 knapsack, dynamic programming)."""

from __future__ import annotations


def best_saving(items: list[tuple[int, int]], memory: int) -> int:
    """The largest total saving of a choice of ``items`` ``(size, saving)`` whose sizes add up to
    at most ``memory``."""
    raise NotImplementedError("TODO: best[m]: the best saving within m units, item by item")
