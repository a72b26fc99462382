"""Problem 4: the peak of concurrent sessions (intervals, a sweep line)."""

from __future__ import annotations


def peak_sessions(sessions: list[tuple[int, int]]) -> tuple[int, int | None]:
    """The most sessions ``[start, end)`` active at once, and the earliest second it happens
    (``(0, None)`` without sessions)."""
    # BEGIN SOLUTION sorted +1/-1 events, ends before starts at the same second
    events = sorted([(start, 1) for start, _ in sessions] + [(end, -1) for _, end in sessions])
    active, peak, when = 0, 0, None
    for second, change in events:  # (t, -1) sorts before (t, 1): a session ending at t is gone
        active += change
        if active > peak:
            peak, when = active, second
    return peak, when
    # END SOLUTION
