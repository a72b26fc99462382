"""Problem 2: show a requirement cycle (depth-first search with three colours)."""

from __future__ import annotations


def find_cycle(requires: dict[str, list[str]]) -> list[str] | None:
    """Packages ``[a, b, ..., a]`` where each requires the next; None when there is no cycle."""
    raise NotImplementedError("TODO: an iterative depth-first search that keeps the current path")
