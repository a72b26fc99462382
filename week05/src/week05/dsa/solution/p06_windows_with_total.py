"""Problem 6: windows of a ledger that add up to a total (prefix sums in a hash map)."""

from __future__ import annotations

from collections import Counter


def windows_with_total(deltas: list[int], total: int) -> int:
    """How many contiguous windows ``deltas[i:j]`` (``i < j``) have ``sum == total``."""
    # BEGIN SOLUTION return how many windows add up to total
    prefixes = Counter({0: 1})  # the empty prefix, so windows starting at 0 count
    running = found = 0
    for delta in deltas:
        running += delta
        found += prefixes[running - total]
        prefixes[running] += 1
    return found
    # END SOLUTION
