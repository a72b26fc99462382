"""Problem 6: the fewest batches for a backlog (dynamic programming, coin change)."""

from __future__ import annotations


def fewest_batches(backlog: int, sizes: list[int]) -> int | None:
    """The fewest batches, each of one of ``sizes`` messages, adding up to exactly ``backlog``
    (``None`` if no combination does)."""
    raise NotImplementedError("TODO: the fewest batches for every smaller backlog first")
