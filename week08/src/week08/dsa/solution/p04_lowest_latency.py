"""Problem 4: the lowest latency between two regions (Dijkstra's algorithm)."""

from __future__ import annotations

import heapq
from collections import defaultdict


def lowest_latency(links: list[tuple[str, str, int]], start: str, goal: str) -> int | None:
    """The smallest total latency of a route from ``start`` to ``goal`` over one-way links
    ``(from, to, milliseconds)``; None if there is no route."""
    # BEGIN SOLUTION Dijkstra: a heap of (latency so far, region)
    out: defaultdict[str, list[tuple[str, int]]] = defaultdict(list)
    for source, target, ms in links:
        out[source].append((target, ms))
    best = {start: 0}
    frontier = [(0, start)]
    while frontier:
        latency, region = heapq.heappop(frontier)
        if region == goal:
            return latency
        if latency > best[region]:
            continue  # an outdated entry: a faster route was found after it was pushed
        for nxt, ms in out[region]:
            if latency + ms < best.get(nxt, latency + ms + 1):
                best[nxt] = latency + ms
                heapq.heappush(frontier, (latency + ms, nxt))
    return None
    # END SOLUTION
