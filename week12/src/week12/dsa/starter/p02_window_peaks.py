"""Problem 2: the peak of open connections in every window (a monotonic deque)."""

from __future__ import annotations

from collections import deque


def window_peaks(connections: list[int], width: int) -> list[int]:
    """The largest of every ``width`` consecutive samples of ``connections``, window by window
    (``len(connections) - width + 1`` of them; none when the samples are fewer than ``width``)."""
    raise NotImplementedError("TODO: a deque of indexes whose samples decrease")
