"""Problem 4: the peak of concurrent sessions (intervals, a sweep line)."""

from __future__ import annotations


def peak_sessions(sessions: list[tuple[int, int]]) -> tuple[int, int | None]:
    """The most sessions ``[start, end)`` active at once, and the earliest second it happens
    (``(0, None)`` without sessions)."""
    raise NotImplementedError("TODO: sorted +1/-1 events, ends before starts at the same second")
