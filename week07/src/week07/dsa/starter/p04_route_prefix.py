"""Problem 4: the longest route prefix of each path (a trie of path segments)."""

from __future__ import annotations

from typing import TypeAlias

Trie: TypeAlias = dict[str, "Trie"]  # segment -> the trie below it
END = ""  # the key marking "a route ends here"; no segment is empty


def longest_prefixes(routes: list[str], paths: list[str]) -> list[str | None]:
    """For each path, the longest route whose segments begin the path's segments, or None."""
    raise NotImplementedError("TODO: a trie of the routes' segments, walked once per path")


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]
