"""Problem 3: the lowest common manager (ancestors in a tree)."""

from __future__ import annotations


def common_manager(managers: dict[str, str | None], a: str, b: str) -> str:
    """The lowest person who is ``a`` or above ``a``, and ``b`` or above ``b``."""
    # BEGIN SOLUTION collect a's chain in a set, walk up from b until you meet it
    above_a: set[str] = set()
    node: str | None = a
    while node is not None:
        above_a.add(node)
        node = managers[node]
    node = b
    while node not in above_a:
        if node is None:
            raise ValueError(f"{a!r} and {b!r} have no manager in common")
        node = managers[node]
    return node
    # END SOLUTION
