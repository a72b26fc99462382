"""Problem 3: the lowest common manager (ancestors in a tree)."""

from __future__ import annotations


def common_manager(managers: dict[str, str | None], a: str, b: str) -> str:
    """The lowest person who is ``a`` or above ``a``, and ``b`` or above ``b``."""
    raise NotImplementedError("TODO: collect a's chain in a set, walk up from b until you meet it")
