"""Problem 3: a cache with expiry (a hash map and a heap of deadlines)."""

from __future__ import annotations

import heapq


class TTLCache:
    """Keys that expire ``ttl`` seconds after they are set; the caller passes the clock (``now``,
    never decreasing from call to call)."""

    def __init__(self) -> None:
        # BEGIN SOLUTION a dict of (value, deadline), a heap of (deadline, key)
        self.entries: dict[str, tuple[str, int]] = {}
        self.deadlines: list[tuple[int, str]] = []  # may hold stale pairs: skipped when popped
        # END SOLUTION

    def set(self, key: str, value: str, ttl: int, now: int) -> None:
        """Store ``value`` under ``key`` until ``now + ttl`` (replacing any value and deadline)."""
        # BEGIN SOLUTION store the pair, push its deadline
        deadline = now + ttl
        self.entries[key] = (value, deadline)
        heapq.heappush(self.deadlines, (deadline, key))
        # END SOLUTION

    def get(self, key: str, now: int) -> str | None:
        """The value of ``key`` if it has not expired at ``now``, else None."""
        # BEGIN SOLUTION expire what is due, then look up
        self._expire(now)
        entry = self.entries.get(key)
        return entry[0] if entry else None
        # END SOLUTION

    def live(self, now: int) -> int:
        """How many keys have not expired at ``now``."""
        # BEGIN SOLUTION expire what is due, then count
        self._expire(now)
        return len(self.entries)
        # END SOLUTION

    # BEGIN SOLUTION
    def _expire(self, now: int) -> None:
        while self.deadlines and self.deadlines[0][0] <= now:
            deadline, key = heapq.heappop(self.deadlines)
            entry = self.entries.get(key)
            if entry is not None and entry[1] == deadline:  # else set again since: a stale pair
                del self.entries[key]

    # REPLACE WITH
    # # TODO: helper methods of your own, if you want them
    # END SOLUTION
