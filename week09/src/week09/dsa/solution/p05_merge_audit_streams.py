"""Problem 5: merge k sorted audit streams (a heap)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

Event = tuple[int, str]


def merge_streams(streams: list[Iterable[Event]], limit: int) -> list[Event]:
    """The first ``limit`` events of all ``streams`` in order; each stream is sorted and may never
    end, so read no event that is not needed."""
    # BEGIN SOLUTION a heap holding the next event of each stream
    iterators = [iter(stream) for stream in streams]
    heap: list[tuple[Event, int]] = []
    for index, events in enumerate(iterators):
        first = next(events, None)
        if first is not None:
            heap.append((first, index))  # the index breaks ties: iterators do not compare
    heapq.heapify(heap)
    merged: list[Event] = []
    while heap and len(merged) < limit:
        event, index = heap[0]
        merged.append(event)
        following = next(iterators[index], None)
        if following is None:
            heapq.heappop(heap)
        else:
            heapq.heapreplace(heap, (following, index))
    return merged
    # END SOLUTION
