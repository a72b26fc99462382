"""Problem 2: an LFU cache (hash maps of frequency buckets)."""

from __future__ import annotations

from collections import defaultdict


class LFUCache:
    """At most ``capacity`` entries; a full cache evicts the least frequently used one, the least
    recently used of those on a tie."""

    def __init__(self, capacity: int) -> None:
        raise NotImplementedError("TODO: values, counts, keys per count by recency")

    def get(self, key: str) -> str | None:
        """The value of ``key`` (one more use of it), or None."""
        raise NotImplementedError("TODO: move the key up one bucket")

    def put(self, key: str, value: str) -> str | None:
        """Store ``value`` under ``key`` (one more use of it); return the evicted key."""
        raise NotImplementedError("TODO: update, or evict from the lowest count")

    # TODO: helper methods of your own, if you want them
