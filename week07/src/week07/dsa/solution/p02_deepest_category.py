"""Problem 2: how deep a category tree goes (depths from a parent map, memoized)."""

from __future__ import annotations


def deepest_level(parents: dict[str, str | None]) -> int:
    """The number of categories on the longest path from a root down (0 for no categories)."""
    # BEGIN SOLUTION compute each depth once, from the parent's
    depth: dict[str, int] = {}
    for category in parents:
        chain: list[str] = []  # categories whose depth waits for an ancestor's
        node: str | None = category
        while node is not None and node not in depth:
            chain.append(node)
            node = parents[node]
        known = 0 if node is None else depth[node]
        for waiting in reversed(chain):
            known += 1
            depth[waiting] = known
    return max(depth.values(), default=0)
    # END SOLUTION
