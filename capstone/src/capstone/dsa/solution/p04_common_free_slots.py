"""Problem 4: the free slots two members share (two pointers over sorted intervals)."""

from __future__ import annotations


def common_free_slots(
    a: list[tuple[int, int]], b: list[tuple[int, int]], duration: int
) -> list[tuple[int, int]]:
    """The periods when both ``a`` and ``b`` are free (each a sorted list of disjoint ``(start,
    end)`` slots, the end excluded) that last at least ``duration``, in time order."""
    # BEGIN SOLUTION advance the slot that ends first
    shared: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if end - start >= duration:
            shared.append((start, end))
        # the slot ending first cannot overlap anything later in the other list
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared
    # END SOLUTION
