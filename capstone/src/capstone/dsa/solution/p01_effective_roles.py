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
    # BEGIN SOLUTION one walk down, a stack of roles per user
    children: dict[str | None, list[str]] = defaultdict(list)
    for node, parent in parents.items():
        children[parent].append(node)
    granted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for user, node, role in grants:
        granted[node].append((user, role))
    asked: dict[str, list[int]] = defaultdict(list)
    for index, (_, node) in enumerate(queries):
        asked[node].append(index)

    answers: list[str | None] = [None] * len(queries)
    path_roles: dict[str, list[str]] = defaultdict(list)  # per user: best role at each grant
    # an explicit stack, not recursion: a chain of 40,000 projects is 40,000 levels deep
    stack: list[tuple[str, bool]] = [(root, False) for root in children[None]]
    while stack:
        node, leaving = stack.pop()
        if leaving:  # undo this node's grants: its siblings do not inherit them
            for user, _ in granted[node]:
                path_roles[user].pop()
            continue
        for user, role in granted[node]:
            roles = path_roles[user]
            roles.append(max(roles[-1], role, key=RANK.__getitem__) if roles else role)
        for index in asked[node]:
            roles = path_roles[queries[index][0]]
            answers[index] = roles[-1] if roles else None
        stack.append((node, True))
        stack.extend((child, False) for child in children[node])
    return answers
    # END SOLUTION
