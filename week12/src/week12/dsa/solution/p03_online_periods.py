"""Problem 3: the periods a user is online across sessions (merging intervals)."""

from __future__ import annotations


def online_periods(sessions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The periods covered by ``sessions`` (``(start, end)`` seconds, ``start < end``, the end
    excluded), merged where they overlap or touch, in time order."""
    # BEGIN SOLUTION sort by start, extend the last period or start a new one
    periods: list[tuple[int, int]] = []
    for start, end in sorted(sessions):
        if periods and start <= periods[-1][1]:  # overlaps or touches: a reconnect, one period
            periods[-1] = (periods[-1][0], max(periods[-1][1], end))
        else:
            periods.append((start, end))
    return periods
    # END SOLUTION
