"""Problem 4: when the last mirror has the release (Dijkstra's shortest paths)."""

from __future__ import annotations

import heapq
from collections import defaultdict


def full_propagation(links: list[tuple[str, str, int]], origin: str) -> int | None:
    """Seconds until every mirror named in ``links`` (and ``origin``) has a release published on
    ``origin``, when ``(source, target, seconds)`` means ``target`` copies from ``source`` in that
    many seconds once ``source`` has it; ``None`` if some mirror never gets it."""
    # BEGIN SOLUTION Dijkstra from the origin; the answer is the latest arrival
    copies_to: dict[str, list[tuple[str, int]]] = defaultdict(list)
    mirrors = {origin}
    for source, target, seconds in links:
        copies_to[source].append((target, seconds))
        mirrors |= {source, target}
    arrival: dict[str, int] = {}
    heap = [(0, origin)]
    while heap:
        at, mirror = heapq.heappop(heap)
        if mirror in arrival:  # reached earlier already: an outdated heap entry
            continue
        arrival[mirror] = at  # the smallest time popped first is final (no negative times)
        for target, seconds in copies_to[mirror]:
            if target not in arrival:
                heapq.heappush(heap, (at + seconds, target))
    return max(arrival.values()) if len(arrival) == len(mirrors) else None
    # END SOLUTION
