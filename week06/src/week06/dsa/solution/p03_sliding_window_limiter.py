"""Problem 3: a sliding-window rate limiter (a queue)."""

from __future__ import annotations

from collections import deque


def admitted(times: list[int], limit: int, window: int) -> list[bool]:
    """Whether each request (times in milliseconds, never decreasing) is admitted: at most
    ``limit`` admitted requests in any ``window`` milliseconds, ``(t - window, t]``."""
    # BEGIN SOLUTION a deque of the admitted times still in the window
    recent: deque[int] = deque()
    answers: list[bool] = []
    for time in times:
        while recent and recent[0] <= time - window:
            recent.popleft()
        ok = len(recent) < limit
        if ok:
            recent.append(time)
        answers.append(ok)
    return answers
    # END SOLUTION
