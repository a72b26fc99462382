"""Problem 5: when the queue is next longer (a monotonic stack)."""

from __future__ import annotations


def until_longer(lengths: list[int]) -> list[int]:
    """For each sample of a queue's length, how many samples later the queue is longer than it is
    now (0 if it never is)."""
    # BEGIN SOLUTION a stack of samples still waiting for a longer one
    waits = [0] * len(lengths)
    waiting: list[int] = []  # indexes; their lengths never increase from bottom to top
    for index, length in enumerate(lengths):
        while waiting and lengths[waiting[-1]] < length:
            earlier = waiting.pop()
            waits[earlier] = index - earlier
        waiting.append(index)
    return waits
    # END SOLUTION
