"""Problem 3: the longest run of health checks within an error budget (a sliding window)."""

from __future__ import annotations


def longest_within_budget(checks: list[bool], budget: int) -> tuple[int, int]:
    """The longest slice ``checks[start:end]`` with at most ``budget`` failed checks (``False``),
    as ``(start, end)``: the earliest of the longest; ``(0, 0)`` without checks."""
    raise NotImplementedError("TODO: move the end on; move the start on while over budget")
