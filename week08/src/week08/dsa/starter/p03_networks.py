"""Problem 3: networks after each cable (union-find)."""

from __future__ import annotations


def networks_after_each(hosts: int, cables: list[tuple[int, int]]) -> list[int]:
    """How many separate networks the ``hosts`` (0 to hosts - 1) form after each cable."""
    raise NotImplementedError("TODO: union-find with path halving and union by size")
