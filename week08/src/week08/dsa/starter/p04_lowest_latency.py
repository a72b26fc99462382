"""Problem 4: the lowest latency between two regions (Dijkstra's algorithm)."""

from __future__ import annotations

import heapq
from collections import defaultdict


def lowest_latency(links: list[tuple[str, str, int]], start: str, goal: str) -> int | None:
    """The smallest total latency of a route from ``start`` to ``goal`` over one-way links
    ``(from, to, milliseconds)``; None if there is no route."""
    raise NotImplementedError("TODO: Dijkstra: a heap of (latency so far, region)")
