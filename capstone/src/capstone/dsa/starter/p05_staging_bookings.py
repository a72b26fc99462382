"""Problem 5: the most valuable bookings of a shared staging environment (weighted interval
scheduling: dynamic programming and binary search)."""

from __future__ import annotations

import bisect


def best_bookings(requests: list[tuple[int, int, int]]) -> int:
    """The largest total value of requests ``(start, end, value)`` (the end excluded) that can be
    accepted together, no two overlapping."""
    raise NotImplementedError("TODO: by end: skip it, or add it to the best before it")
