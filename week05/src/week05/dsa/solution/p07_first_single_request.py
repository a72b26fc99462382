"""Problem 7: the first client that called only once (counting)."""

from __future__ import annotations

from collections import Counter


def first_single_request(clients: list[str]) -> int:
    """The index of the first client that appears exactly once in ``clients``; -1 if none."""
    # BEGIN SOLUTION return the index of the first client seen exactly once, or -1
    counts = Counter(clients)
    return next((i for i, client in enumerate(clients) if counts[client] == 1), -1)
    # END SOLUTION
