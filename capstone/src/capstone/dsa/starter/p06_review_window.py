"""Problem 6: the shortest stretch of the activity log with every reviewer in it (a sliding
window with counts in a hash map)."""

from __future__ import annotations

from collections import Counter


def shortest_review_window(log: list[str], reviewers: set[str]) -> tuple[int, int] | None:
    """The shortest slice ``log[start:end]`` in which every one of ``reviewers`` (not empty)
    appears, as ``(start, end)``; the earliest of the shortest; ``None`` if there is none."""
    raise NotImplementedError("TODO: grow on the right, shrink from the left")
