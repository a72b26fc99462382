"""Problem 3: the longest run of health checks within an error budget (a sliding window)."""

from __future__ import annotations


def longest_within_budget(checks: list[bool], budget: int) -> tuple[int, int]:
    """The longest slice ``checks[start:end]`` with at most ``budget`` failed checks (``False``),
    as ``(start, end)``: the earliest of the longest; ``(0, 0)`` without checks."""
    # BEGIN SOLUTION move the end on; move the start on while over budget
    best = (0, 0)
    start = failures = 0
    for end, passed in enumerate(checks, start=1):
        failures += not passed
        while failures > budget:  # drop checks from the left until within budget again
            failures -= not checks[start]
            start += 1
        if end - start > best[1] - best[0]:
            best = (start, end)
    return best
    # END SOLUTION
