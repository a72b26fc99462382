"""Problem 2: how deep a category tree goes (depths from a parent map, memoized)."""

from __future__ import annotations


def deepest_level(parents: dict[str, str | None]) -> int:
    """The number of categories on the longest path from a root down (0 for no categories)."""
    raise NotImplementedError("TODO: compute each depth once, from the parent's")
