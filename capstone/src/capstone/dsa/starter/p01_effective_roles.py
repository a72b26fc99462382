"""Problem 1: effective roles in a tree of projects (a depth-first walk that undoes on the way back)."""

from __future__ import annotations

from collections import defaultdict

RANK = {"viewer": 1, "member": 2, "admin": 3}


def effective_roles(
    parents: dict[str, str | None],
    grants: list[tuple[str, str, str]],
    queries: list[tuple[str, str]],
) -> list[str | None]:
    """For each ``(user, node)`` of ``queries``, the highest role ``user`` was granted on ``node``
    or on one of its ancestors (``None`` without any); ``parents`` maps every node to its parent
    (``None`` for a root), ``grants`` holds ``(user, node, role)``."""
    raise NotImplementedError("TODO: one walk down, a stack of roles per user")
