"""Problem 4: the fewest hops between two services (breadth-first search)."""

from __future__ import annotations

from collections import defaultdict, deque


def fewest_hops(links: list[tuple[str, str]], start: str, goal: str) -> int | None:
    """The fewest links from ``start`` to ``goal`` (links work both ways); None if unreachable."""
    raise NotImplementedError("TODO: breadth-first search from start, level by level")
