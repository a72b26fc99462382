"""Problem 5: a comment thread from flat rows (building a tree in one pass)."""

from __future__ import annotations

from typing import Any

Comment = dict[str, Any]  # {"id": int, "text": str, "replies": list[Comment]}


def nest(rows: list[tuple[int, int | None, str]]) -> list[Comment]:
    """The thread of ``(id, parent_id, text)`` rows: top-level comments with their replies, each
    list ordered by id. Replies to a missing comment are dropped with it."""
    raise NotImplementedError("TODO: one node per id, then attach each to its parent's replies")
