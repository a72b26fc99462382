"""Problem 6: what to keep in a cache of limited memory (0/1 knapsack, dynamic programming)."""

from __future__ import annotations


def best_saving(items: list[tuple[int, int]], memory: int) -> int:
    """The largest total saving of a choice of ``items`` ``(size, saving)`` whose sizes add up to
    at most ``memory``."""
    # BEGIN SOLUTION best[m]: the best saving within m units, item by item
    best = [0] * (memory + 1)
    for size, saving in items:
        # downwards, so best[m - size] does not already include this item
        for m in range(memory, size - 1, -1):
            best[m] = max(best[m], best[m - size] + saving)
    return best[memory]
    # END SOLUTION
