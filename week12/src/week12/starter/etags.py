"""Entity tags for optimistic concurrency over HTTP (RFC 9110 sections 8.8.3 and 13.1.1).

A task's ETag is its version, quoted: ``"3"``. A client that read version 3 and wants to change
the task sends ``If-Match: "3"``; if the task has moved on to version 4 meanwhile (someone else
saved), the server answers 412 Precondition Failed instead of silently overwriting that change.
The client then GETs the task again, merges, and retries with the new ETag.

``If-Match`` compares *strongly*: weak tags (``W/"3"``) never match. ``*`` matches any current
version. A header we cannot parse matches nothing (412), never everything; neither does a tag
that cannot be one of our versions (``"99999999999"``: the column is an ``INTEGER``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTITY_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*(?:,|$)')
_VERSION = re.compile(r"[0-9]{1,10}")  # ASCII digits: str.isdigit() also accepts "²", int() not
MAX_VERSION = 2_147_483_647  # tasks.version is an INTEGER


def etag(version: int) -> str:
    return f'"{version}"'


@dataclass(frozen=True)
class IfMatch:
    """A parsed ``If-Match`` header: ``any_version`` for ``*``, else the versions it names."""

    versions: frozenset[int] = frozenset()
    any_version: bool = False

    def matches(self, version: int) -> bool:
        return self.any_version or version in self.versions


def parse_if_match(header: str) -> IfMatch:
    """``'"3", "4"'`` -> versions {3, 4}; ``'*'`` -> any; weak or foreign tags are dropped."""
    if header.strip() == "*":
        return IfMatch(any_version=True)
    versions = set()
    position = 0
    while position < len(header):
        match = _ENTITY_TAG.match(header, position)
        if match is None:
            return IfMatch()  # malformed: matches nothing
        weak, value = match.groups()
        if not weak and _VERSION.fullmatch(value) and int(value) <= MAX_VERSION:
            versions.add(int(value))
        position = match.end()
    return IfMatch(frozenset(versions))
