"""Problem 2: the peak of open connections in every window (a monotonic deque)."""

from __future__ import annotations

from collections import deque


def window_peaks(connections: list[int], width: int) -> list[int]:
    """The largest of every ``width`` consecutive samples of ``connections``, window by window
    (``len(connections) - width + 1`` of them; none when the samples are fewer than ``width``)."""
    # BEGIN SOLUTION a deque of indexes whose samples decrease
    peaks: list[int] = []
    candidates: deque[int] = deque()  # indexes; their samples decrease from front to back
    for i, sample in enumerate(connections):
        while candidates and connections[candidates[-1]] <= sample:
            candidates.pop()  # never a peak again: a newer sample is at least as large
        candidates.append(i)
        if candidates[0] <= i - width:
            candidates.popleft()  # slid out of the window
        if i >= width - 1:
            peaks.append(connections[candidates[0]])
    return peaks
    # END SOLUTION
