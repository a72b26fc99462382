"""Problem 1: the shortest schedule of jobs with a cooldown per kind (counting, a greedy bound)."""

from __future__ import annotations

from collections import Counter


def shortest_schedule(jobs: list[str], cooldown: int) -> int:
    """The fewest time slots that run every job of ``jobs`` (one job or nothing a slot), with at
    least ``cooldown`` slots between two jobs of the same kind."""
    raise NotImplementedError("TODO: count the kinds; the most frequent ones decide the length")
