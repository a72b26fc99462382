"""Problem 5: cache warm-up jobs on a pool of workers (a heap)."""

from __future__ import annotations

import heapq


def finish_times(jobs: list[tuple[int, int]], workers: int) -> list[int]:
    """When each job ``(ready, duration)`` finishes: in queue order, each job starts on the worker
    that is free first, as soon as both are ready."""
    # BEGIN SOLUTION a min-heap of the workers' free times
    free = [0] * workers  # all zeros: already a heap
    finished: list[int] = []
    for ready, duration in jobs:
        start = max(ready, free[0])
        heapq.heapreplace(free, start + duration)
        finished.append(start + duration)
    return finished
    # END SOLUTION
