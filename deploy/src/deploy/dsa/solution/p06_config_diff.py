"""Problem 6: the size of a config diff (dynamic programming: the longest common subsequence)."""

from __future__ import annotations


def diff_size(old: list[str], new: list[str]) -> int:
    """The fewest lines to remove from ``old`` and add to it to make ``new``."""
    # BEGIN SOLUTION a longest common subsequence, row by row
    previous = [0] * (len(new) + 1)  # longest common subsequence of old[:i] and new[:j]
    for line in old:
        current = [0] * (len(new) + 1)
        for j, other in enumerate(new, start=1):
            if line == other:
                current[j] = previous[j - 1] + 1
            else:
                current[j] = max(previous[j], current[j - 1])
        previous = current
    return len(old) + len(new) - 2 * previous[-1]
    # END SOLUTION
