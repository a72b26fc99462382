"""Problem 1: refund matching (hash maps)."""

from __future__ import annotations


def pair_with_sum(amounts: list[int], target: int) -> tuple[int, int] | None:
    """The pair ``(i, j)``, ``i < j``, with ``amounts[i] + amounts[j] == target`` and the smallest
    ``j`` (then the smallest ``i``); None when no pair adds up to ``target``."""
    raise NotImplementedError("TODO: return the first pair (i, j), or None")
