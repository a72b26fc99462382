"""Problem 4: when the last mirror has the release (Dijkstra's shortest paths)."""

from __future__ import annotations

import heapq
from collections import defaultdict


def full_propagation(links: list[tuple[str, str, int]], origin: str) -> int | None:
    """Seconds until every mirror named in ``links`` (and ``origin``) has a release published on
    ``origin``, when ``(source, target, seconds)`` means ``target`` copies from ``source`` in that
    many seconds once ``source`` has it; ``None`` if some mirror never gets it."""
    raise NotImplementedError("TODO: Dijkstra from the origin; the answer is the latest arrival")
