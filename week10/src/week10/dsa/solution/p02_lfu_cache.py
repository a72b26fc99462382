"""Problem 2: an LFU cache (hash maps of frequency buckets)."""

from __future__ import annotations

from collections import defaultdict


class LFUCache:
    """At most ``capacity`` entries; a full cache evicts the least frequently used one, the least
    recently used of those on a tie."""

    def __init__(self, capacity: int) -> None:
        # BEGIN SOLUTION values, counts, keys per count by recency
        self.capacity = capacity
        self.values: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        # a dict keeps insertion order: each bucket's first key is its least recently used
        self.buckets: defaultdict[int, dict[str, None]] = defaultdict(dict)
        self.lowest = 0  # the smallest count in use
        # END SOLUTION

    def get(self, key: str) -> str | None:
        """The value of ``key`` (one more use of it), or None."""
        # BEGIN SOLUTION move the key up one bucket
        if key not in self.values:
            return None
        self._use(key)
        return self.values[key]
        # END SOLUTION

    def put(self, key: str, value: str) -> str | None:
        """Store ``value`` under ``key`` (one more use of it); return the evicted key."""
        # BEGIN SOLUTION update, or evict from the lowest count
        if key in self.values:
            self.values[key] = value
            self._use(key)
            return None
        evicted = None
        if len(self.values) == self.capacity:
            bucket = self.buckets[self.lowest]
            evicted = next(iter(bucket))
            del bucket[evicted], self.values[evicted], self.counts[evicted]
            if not bucket:
                del self.buckets[self.lowest]
        self.values[key] = value
        self.counts[key] = 1
        self.buckets[1][key] = None
        self.lowest = 1
        return evicted
        # END SOLUTION

    # BEGIN SOLUTION
    def _use(self, key: str) -> None:
        count = self.counts[key]
        bucket = self.buckets[count]
        del bucket[key]
        if not bucket:
            del self.buckets[count]
            if self.lowest == count:
                self.lowest = count + 1  # the key moves there: no count in between
        self.counts[key] = count + 1
        self.buckets[count + 1][key] = None

    # REPLACE WITH
    # # TODO: helper methods of your own, if you want them
    # END SOLUTION
