"""Problem 5: the longest streak of active days (sets)."""

from __future__ import annotations


def longest_streak(days: list[int]) -> int:
    """The length of the longest run of consecutive day numbers in ``days`` (any order, repeats)."""
    # BEGIN SOLUTION return the length of the longest run of consecutive days
    active = set(days)
    best = 0
    for day in active:
        if day - 1 in active:
            continue  # not the first day of its run: the run is counted from its start
        end = day
        while end + 1 in active:
            end += 1
        best = max(best, end - day + 1)
    return best
    # END SOLUTION
