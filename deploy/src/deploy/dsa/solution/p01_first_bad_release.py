"""Problem 1: the first bad release, as ``git bisect`` finds it (binary search)."""

from __future__ import annotations

from collections.abc import Callable


def first_bad_release(releases: list[str], is_bad: Callable[[str], bool]) -> str | None:
    """The first of ``releases`` (in deploy order) for which ``is_bad`` is true, given that every
    release after a bad one is bad too; ``None`` if none is. Each ``is_bad`` call is a test run."""
    # BEGIN SOLUTION halve the range that holds the first bad one
    low, high = 0, len(releases)  # the first bad index lies in [low, high]; len means none
    while low < high:
        middle = (low + high) // 2
        if is_bad(releases[middle]):
            high = middle  # the first bad one is this one or earlier
        else:
            low = middle + 1  # everything up to here is good
    return releases[low] if low < len(releases) else None
    # END SOLUTION
