"""Problem 3: credential stuffing sources (a sliding window per address, counts in a dict)."""

from __future__ import annotations

from collections import Counter, defaultdict, deque


def stuffing_sources(
    attempts: list[tuple[int, str, str]], window: int, threshold: int
) -> list[str]:
    """The addresses that tried at least ``threshold`` distinct usernames within ``window``
    seconds, sorted. ``attempts`` are ``(second, address, username)`` in time order."""
    raise NotImplementedError("TODO: a window and its name counts per address")
