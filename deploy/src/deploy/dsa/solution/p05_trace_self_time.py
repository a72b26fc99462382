"""Problem 5: each span's self time in a distributed trace (a tree from rows, merged intervals)."""

from __future__ import annotations

from collections import defaultdict


def self_times(spans: list[tuple[str, str | None, int, int]]) -> dict[str, int]:
    """For each span ``(id, parent_id, start, end)`` (microseconds, the end excluded; children lie
    within their parent), its duration minus the time at least one of its children runs."""
    # BEGIN SOLUTION children by parent; merge their intervals
    children: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
    for _, parent, start, end in spans:
        children[parent].append((start, end))
    result: dict[str, int] = {}
    for span, _, start, end in spans:
        covered = 0
        reach = start  # children run in parallel: count the time they cover once
        for child_start, child_end in sorted(children.get(span, [])):
            if child_end > reach:
                covered += child_end - max(child_start, reach)
                reach = child_end
        result[span] = end - start - covered
    return result
    # END SOLUTION
