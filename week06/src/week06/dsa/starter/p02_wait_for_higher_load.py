"""Problem 2: how long until a higher load (a monotonic stack)."""

from __future__ import annotations


def wait_for_higher(loads: list[int]) -> list[int]:
    """For each minute, how many minutes until a strictly higher load; 0 when none comes."""
    raise NotImplementedError("TODO: a stack of the minutes still waiting for a higher load")
