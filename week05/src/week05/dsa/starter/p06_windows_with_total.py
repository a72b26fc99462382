"""Problem 6: windows of a ledger that add up to a total (prefix sums in a hash map)."""

from __future__ import annotations

from collections import Counter


def windows_with_total(deltas: list[int], total: int) -> int:
    """How many contiguous windows ``deltas[i:j]`` (``i < j``) have ``sum == total``."""
    raise NotImplementedError("TODO: return how many windows add up to total")
