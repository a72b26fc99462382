"""Problem 3: one person per group of directory entries sharing an address (union-find)."""

from __future__ import annotations


def merge_directories(entries: list[list[str]]) -> list[list[str]]:
    """Group the entries of ``entries`` (each the e-mail addresses of one directory record) that
    share an address, directly or through others: each person's addresses sorted, the people
    sorted by their first address."""
    raise NotImplementedError("TODO: union-find over entries sharing an address")
