"""Problem 5: a comment thread from flat rows (building a tree in one pass)."""

from __future__ import annotations

from typing import Any

Comment = dict[str, Any]  # {"id": int, "text": str, "replies": list[Comment]}


def nest(rows: list[tuple[int, int | None, str]]) -> list[Comment]:
    """The thread of ``(id, parent_id, text)`` rows: top-level comments with their replies, each
    list ordered by id. Replies to a missing comment are dropped with it."""
    # BEGIN SOLUTION one node per id, then attach each to its parent's replies
    nodes: dict[int, Comment] = {}
    for cid, _, text in sorted(rows):
        nodes[cid] = {"id": cid, "text": text, "replies": []}
    top: list[Comment] = []
    for cid, parent, _ in sorted(rows):
        if parent is None:
            top.append(nodes[cid])
        elif parent in nodes:
            nodes[parent]["replies"].append(nodes[cid])
    return top
    # END SOLUTION
