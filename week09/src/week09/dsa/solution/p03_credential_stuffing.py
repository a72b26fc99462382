"""Problem 3: credential stuffing sources (a sliding window per address, counts in a dict)."""

from __future__ import annotations

from collections import Counter, defaultdict, deque


def stuffing_sources(
    attempts: list[tuple[int, str, str]], window: int, threshold: int
) -> list[str]:
    """The addresses that tried at least ``threshold`` distinct usernames within ``window``
    seconds, sorted. ``attempts`` are ``(second, address, username)`` in time order."""
    # BEGIN SOLUTION a window and its name counts per address
    recent: defaultdict[str, deque[tuple[int, str]]] = defaultdict(deque)
    names: defaultdict[str, Counter[str]] = defaultdict(Counter)
    flagged: set[str] = set()
    for second, address, username in attempts:
        queue, counts = recent[address], names[address]
        queue.append((second, username))
        counts[username] += 1
        while queue[0][0] <= second - window:  # fell out of (second - window, second]
            _, old = queue.popleft()
            counts[old] -= 1
            if not counts[old]:
                del counts[old]  # len(counts) stays the number of distinct names
        if len(counts) >= threshold:
            flagged.add(address)
    return sorted(flagged)
    # END SOLUTION
