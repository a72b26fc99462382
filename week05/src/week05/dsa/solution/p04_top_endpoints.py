"""Problem 4: the most requested endpoints (counting, then a heap)."""

from __future__ import annotations

import heapq
from collections import Counter


def top_endpoints(requests: list[str], k: int) -> list[str]:
    """The ``k`` most requested endpoints, most requested first, ties by name (A to Z)."""
    # BEGIN SOLUTION return the k most requested endpoints
    counts = Counter(requests)
    # nsmallest keeps a heap of k entries: O(m log k) for m distinct endpoints, not O(m log m).
    return heapq.nsmallest(k, counts, key=lambda endpoint: (-counts[endpoint], endpoint))
    # END SOLUTION
