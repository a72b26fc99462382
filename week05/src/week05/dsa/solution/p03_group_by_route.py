"""Problem 3: group request paths by route (hash maps with a computed key)."""

from __future__ import annotations


def route_of(path: str) -> str:
    """The route template of ``path``: every segment made of digits becomes ``{id}``."""
    # BEGIN SOLUTION return the path with each all-digit segment as {id}
    return "/".join("{id}" if segment.isdigit() else segment for segment in path.split("/"))
    # END SOLUTION


def group_by_route(paths: list[str]) -> list[list[str]]:
    """The paths grouped by route: groups in order of first appearance, paths in input order."""
    # BEGIN SOLUTION return the groups of paths with the same route
    groups: dict[str, list[str]] = {}  # dicts keep insertion order: groups by first appearance
    for path in paths:
        groups.setdefault(route_of(path), []).append(path)
    return list(groups.values())
    # END SOLUTION
