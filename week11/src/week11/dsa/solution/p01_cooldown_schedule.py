"""Problem 1: the shortest schedule of jobs with a cooldown per kind (counting, a greedy bound)."""

from __future__ import annotations

from collections import Counter


def shortest_schedule(jobs: list[str], cooldown: int) -> int:
    """The fewest time slots that run every job of ``jobs`` (one job or nothing a slot), with at
    least ``cooldown`` slots between two jobs of the same kind."""
    # BEGIN SOLUTION count the kinds; the most frequent ones decide the length
    if not jobs:
        return 0
    counts = Counter(jobs).values()
    most = max(counts)
    tied = sum(1 for count in counts if count == most)
    # most - 1 frames of cooldown + 1 slots, then one slot for each kind as frequent as the most;
    # when the other jobs overflow the frames' gaps, no slot is idle: every job takes one
    return max(len(jobs), (most - 1) * (cooldown + 1) + tied)
    # END SOLUTION
