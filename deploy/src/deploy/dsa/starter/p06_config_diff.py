"""Problem 6: the size of a config diff (dynamic programming: the longest common subsequence)."""

from __future__ import annotations


def diff_size(old: list[str], new: list[str]) -> int:
    """The fewest lines to remove from ``old`` and add to it to make ``new``."""
    raise NotImplementedError("TODO: a longest common subsequence, row by row")
