"""Problem 6: the shortest stretch of the activity log with every reviewer in it (a sliding
window with counts in a hash map)."""

from __future__ import annotations

from collections import Counter


def shortest_review_window(log: list[str], reviewers: set[str]) -> tuple[int, int] | None:
    """The shortest slice ``log[start:end]`` in which every one of ``reviewers`` (not empty)
    appears, as ``(start, end)``; the earliest of the shortest; ``None`` if there is none."""
    # BEGIN SOLUTION grow on the right, shrink from the left
    inside: Counter[str] = Counter()
    missing = len(reviewers)
    best: tuple[int, int] | None = None
    start = 0
    for end, author in enumerate(log, start=1):
        if author in reviewers:
            inside[author] += 1
            if inside[author] == 1:
                missing -= 1
        while missing == 0:  # log[start:end] covers: record it, then try it one shorter
            if best is None or end - start < best[1] - best[0]:
                best = (start, end)
            leaving = log[start]
            start += 1
            if leaving in reviewers:
                inside[leaving] -= 1
                if inside[leaving] == 0:
                    missing += 1
    return best
    # END SOLUTION
