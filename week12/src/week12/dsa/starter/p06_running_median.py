"""Problem 6: the median latency after every request (two heaps)."""

from __future__ import annotations

import heapq


def running_p50(latencies: list[int]) -> list[int]:
    """After each latency of ``latencies``, the median of those so far: with ``m`` samples, the
    sample at index ``(m - 1) // 2`` of them sorted (the lower middle one)."""
    raise NotImplementedError("TODO: a max-heap of the lower half, a min-heap of the upper half")
