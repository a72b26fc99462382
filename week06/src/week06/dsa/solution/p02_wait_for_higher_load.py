"""Problem 2: how long until a higher load (a monotonic stack)."""

from __future__ import annotations


def wait_for_higher(loads: list[int]) -> list[int]:
    """For each minute, how many minutes until a strictly higher load; 0 when none comes."""
    # BEGIN SOLUTION a stack of the minutes still waiting for a higher load
    waits = [0] * len(loads)
    waiting: list[int] = []  # minutes whose loads decrease from bottom to top
    for minute, load in enumerate(loads):
        while waiting and loads[waiting[-1]] < load:
            earlier = waiting.pop()
            waits[earlier] = minute - earlier
        waiting.append(minute)
    return waits
    # END SOLUTION
