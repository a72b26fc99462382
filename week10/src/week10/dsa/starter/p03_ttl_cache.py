"""Problem 3: a cache with expiry (a hash map and a heap of deadlines)."""

from __future__ import annotations

import heapq


class TTLCache:
    """Keys that expire ``ttl`` seconds after they are set; the caller passes the clock (``now``,
    never decreasing from call to call)."""

    def __init__(self) -> None:
        raise NotImplementedError("TODO: a dict of (value, deadline), a heap of (deadline, key)")

    def set(self, key: str, value: str, ttl: int, now: int) -> None:
        """Store ``value`` under ``key`` until ``now + ttl`` (replacing any value and deadline)."""
        raise NotImplementedError("TODO: store the pair, push its deadline")

    def get(self, key: str, now: int) -> str | None:
        """The value of ``key`` if it has not expired at ``now``, else None."""
        raise NotImplementedError("TODO: expire what is due, then look up")

    def live(self, now: int) -> int:
        """How many keys have not expired at ``now``."""
        raise NotImplementedError("TODO: expire what is due, then count")

    # TODO: helper methods of your own, if you want them
