"""Problem 1: a token bucket per client (a hash map of small states)."""

from __future__ import annotations


def allow_requests(requests: list[tuple[int, str]], capacity: int, interval: int) -> list[bool]:
    """Whether each request ``(second, client)``, in time order, gets a token from its client's
    bucket: ``capacity`` tokens, full at first, one more at every multiple of ``interval``."""
    raise NotImplementedError("TODO: one small state per client in a dict")
