"""Problem 3: the periods a user is online across sessions (merging intervals)."""

from __future__ import annotations


def online_periods(sessions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The periods covered by ``sessions`` (``(start, end)`` seconds, ``start < end``, the end
    excluded), merged where they overlap or touch, in time order."""
    raise NotImplementedError("TODO: sort by start, extend the last period or start a new one")
