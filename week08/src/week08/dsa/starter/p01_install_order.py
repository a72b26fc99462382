"""Problem 1: an install order for packages (topological sort, Kahn's algorithm)."""

from __future__ import annotations

import heapq


def install_order(requires: dict[str, list[str]]) -> list[str] | None:
    """Every package after the packages it requires, the smallest name first whenever several
    could go next; None when the requirements have a cycle."""
    raise NotImplementedError("TODO: Kahn's algorithm with a heap of the ready packages")
