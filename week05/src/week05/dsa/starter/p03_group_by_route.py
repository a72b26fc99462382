"""Problem 3: group request paths by route (hash maps with a computed key)."""

from __future__ import annotations


def route_of(path: str) -> str:
    """The route template of ``path``: every segment made of digits becomes ``{id}``."""
    raise NotImplementedError("TODO: return the path with each all-digit segment as {id}")


def group_by_route(paths: list[str]) -> list[list[str]]:
    """The paths grouped by route: groups in order of first appearance, paths in input order."""
    raise NotImplementedError("TODO: return the groups of paths with the same route")
