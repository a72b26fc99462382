"""Problem 4: the free slots two members share (two pointers over sorted intervals)."""

from __future__ import annotations


def common_free_slots(
    a: list[tuple[int, int]], b: list[tuple[int, int]], duration: int
) -> list[tuple[int, int]]:
    """The periods when both ``a`` and ``b`` are free (each a sorted list of disjoint ``(start,
    end)`` slots, the end excluded) that last at least ``duration``, in time order."""
    raise NotImplementedError("TODO: advance the slot that ends first")
