"""Problem 5: when the queue is next longer (a monotonic stack)."""

from __future__ import annotations


def until_longer(lengths: list[int]) -> list[int]:
    """For each sample of a queue's length, how many samples later the queue is longer than it is
    now (0 if it never is)."""
    raise NotImplementedError("TODO: a stack of samples still waiting for a longer one")
