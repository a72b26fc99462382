"""Problem 1: the first bad release, as ``git bisect`` finds it (binary search)."""

from __future__ import annotations

from collections.abc import Callable


def first_bad_release(releases: list[str], is_bad: Callable[[str], bool]) -> str | None:
    """The first of ``releases`` (in deploy order) for which ``is_bad`` is true, given that every
    release after a bad one is bad too; ``None`` if none is. Each ``is_bad`` call is a test run."""
    raise NotImplementedError("TODO: halve the range that holds the first bad one")
