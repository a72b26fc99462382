"""Problem 1: refund matching (hash maps)."""

from __future__ import annotations


def pair_with_sum(amounts: list[int], target: int) -> tuple[int, int] | None:
    """The pair ``(i, j)``, ``i < j``, with ``amounts[i] + amounts[j] == target`` and the smallest
    ``j`` (then the smallest ``i``); None when no pair adds up to ``target``."""
    # BEGIN SOLUTION return the first pair (i, j), or None
    first_index: dict[int, int] = {}  # amount -> where it was first seen
    for j, amount in enumerate(amounts):
        i = first_index.get(target - amount)
        if i is not None:
            return i, j
        first_index.setdefault(amount, j)
    return None
    # END SOLUTION
