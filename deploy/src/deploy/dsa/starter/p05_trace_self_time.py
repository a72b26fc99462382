"""Problem 5: each span's self time in a distributed trace (a tree from rows, merged intervals)."""

from __future__ import annotations

from collections import defaultdict


def self_times(spans: list[tuple[str, str | None, int, int]]) -> dict[str, int]:
    """For each span ``(id, parent_id, start, end)`` (microseconds, the end excluded; children lie
    within their parent), its duration minus the time at least one of its children runs."""
    raise NotImplementedError("TODO: children by parent; merge their intervals")
