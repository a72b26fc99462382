"""Problem 6: the fewest batches for a backlog (dynamic programming, coin change)."""

from __future__ import annotations


def fewest_batches(backlog: int, sizes: list[int]) -> int | None:
    """The fewest batches, each of one of ``sizes`` messages, adding up to exactly ``backlog``
    (``None`` if no combination does)."""
    # BEGIN SOLUTION the fewest batches for every smaller backlog first
    unreachable = backlog + 1  # more batches than any answer can take: every size is >= 1
    fewest = [0] + [unreachable] * backlog
    for total in range(1, backlog + 1):
        for size in sizes:
            if size <= total and fewest[total - size] + 1 < fewest[total]:
                fewest[total] = fewest[total - size] + 1
    return None if fewest[backlog] == unreachable else fewest[backlog]
    # END SOLUTION
