"""Problem 2: the earliest start of every task (topological order, then the longest path)."""

from __future__ import annotations

from collections import deque


def earliest_starts(
    durations: dict[str, int], dependencies: list[tuple[str, str]]
) -> dict[str, int] | None:
    """The earliest time each task of ``durations`` can start when ``(before, after)`` in
    ``dependencies`` means ``after`` starts once ``before`` has finished; ``None`` when the
    dependencies form a cycle."""
    raise NotImplementedError("TODO: Kahn's order, each finish pushed to what it blocks")
