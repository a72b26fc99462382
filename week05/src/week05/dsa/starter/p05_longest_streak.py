"""Problem 5: the longest streak of active days (sets)."""

from __future__ import annotations


def longest_streak(days: list[int]) -> int:
    """The length of the longest run of consecutive day numbers in ``days`` (any order, repeats)."""
    raise NotImplementedError("TODO: return the length of the longest run of consecutive days")
