"""Problem 5: normalize a URL path (a stack of segments)."""

from __future__ import annotations


def normalize_path(path: str) -> str:
    """``path`` with empty and ``.`` segments dropped and each ``..`` removing the segment before
    it (never above the root); always starts with ``/``, never ends with one unless it is ``/``."""
    # BEGIN SOLUTION push segments on a stack, pop one for each ..
    kept: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if kept:
                kept.pop()
        elif segment not in ("", "."):
            kept.append(segment)
    return "/" + "/".join(kept)
    # END SOLUTION
