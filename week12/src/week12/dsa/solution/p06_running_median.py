"""Problem 6: the median latency after every request (two heaps)."""

from __future__ import annotations

import heapq


def running_p50(latencies: list[int]) -> list[int]:
    """After each latency of ``latencies``, the median of those so far: with ``m`` samples, the
    sample at index ``(m - 1) // 2`` of them sorted (the lower middle one)."""
    # BEGIN SOLUTION a max-heap of the lower half, a min-heap of the upper half
    lower: list[int] = []  # the smaller half, negated (heapq is a min-heap); one more when odd
    upper: list[int] = []
    medians = []
    for latency in latencies:
        if lower and latency > -lower[0]:
            heapq.heappush(upper, latency)
        else:
            heapq.heappush(lower, -latency)
        if len(lower) > len(upper) + 1:  # rebalance: lower holds half, rounded up
            heapq.heappush(upper, -heapq.heappop(lower))
        elif len(upper) > len(lower):
            heapq.heappush(lower, -heapq.heappop(upper))
        medians.append(-lower[0])
    return medians
    # END SOLUTION
