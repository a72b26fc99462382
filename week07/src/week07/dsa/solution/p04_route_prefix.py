"""Problem 4: the longest route prefix of each path (a trie of path segments)."""

from __future__ import annotations

from typing import TypeAlias

Trie: TypeAlias = dict[str, "Trie"]  # segment -> the trie below it
END = ""  # the key marking "a route ends here"; no segment is empty


def longest_prefixes(routes: list[str], paths: list[str]) -> list[str | None]:
    """For each path, the longest route whose segments begin the path's segments, or None."""
    # BEGIN SOLUTION a trie of the routes' segments, walked once per path
    trie: Trie = {}
    for route in routes:
        node = trie
        for segment in _segments(route):
            node = node.setdefault(segment, {})
        node[END] = {}
    found: list[str | None] = []
    for path in paths:
        node, best, walked = trie, None, []
        if END in node:
            best = "/"
        for segment in _segments(path):
            if segment not in node:
                break
            node = node[segment]
            walked.append(segment)
            if END in node:
                best = "/" + "/".join(walked)
        found.append(best)
    return found
    # END SOLUTION


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]
