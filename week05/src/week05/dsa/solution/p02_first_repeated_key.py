"""Problem 2: replayed idempotency keys (sets)."""

from __future__ import annotations


def first_repeated_key(keys: list[str]) -> str | None:
    """The key whose second occurrence comes first in ``keys``; None when every key is unique."""
    # BEGIN SOLUTION return the first key seen for the second time, or None
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            return key
        seen.add(key)
    return None
    # END SOLUTION
