"""Problem 5: normalize a URL path (a stack of segments)."""

from __future__ import annotations


def normalize_path(path: str) -> str:
    """``path`` with empty and ``.`` segments dropped and each ``..`` removing the segment before
    it (never above the root); always starts with ``/``, never ends with one unless it is ``/``."""
    raise NotImplementedError("TODO: push segments on a stack, pop one for each ..")
