"""Problem 4: how many hops a message takes to every server (breadth-first search)."""

from __future__ import annotations

from collections import defaultdict, deque


def fan_out(relays: list[tuple[str, str]], origin: str) -> dict[str, int]:
    """The fewest hops from ``origin`` to every server a message published there reaches;
    ``(a, b)`` in ``relays`` means ``a`` forwards what it receives to ``b``. ``origin`` is 0 hops."""
    raise NotImplementedError("TODO: breadth-first search from the origin")
