"""Problem 7: the first client that called only once (counting)."""

from __future__ import annotations

from collections import Counter


def first_single_request(clients: list[str]) -> int:
    """The index of the first client that appears exactly once in ``clients``; -1 if none."""
    raise NotImplementedError("TODO: return the index of the first client seen exactly once, or -1")
