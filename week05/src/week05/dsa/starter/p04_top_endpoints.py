"""Problem 4: the most requested endpoints (counting, then a heap)."""

from __future__ import annotations

import heapq
from collections import Counter


def top_endpoints(requests: list[str], k: int) -> list[str]:
    """The ``k`` most requested endpoints, most requested first, ties by name (A to Z)."""
    raise NotImplementedError("TODO: return the k most requested endpoints")
