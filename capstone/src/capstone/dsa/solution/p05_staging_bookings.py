"""Problem 5: the most valuable bookings of a shared staging environment (weighted interval
scheduling: dynamic programming and binary search)."""

from __future__ import annotations

import bisect


def best_bookings(requests: list[tuple[int, int, int]]) -> int:
    """The largest total value of requests ``(start, end, value)`` (the end excluded) that can be
    accepted together, no two overlapping."""
    # BEGIN SOLUTION by end: skip it, or add it to the best before it
    ordered = sorted(requests, key=lambda request: request[1])
    ends = [end for _, end, _ in ordered]
    best = [0] * (len(ordered) + 1)  # best[i]: the best plan using the first i requests
    for i, (start, _, value) in enumerate(ordered):
        fits = bisect.bisect_right(ends, start, 0, i)  # requests ending at or before this start
        best[i + 1] = max(best[i], best[fits] + value)
    return best[-1]
    # END SOLUTION
