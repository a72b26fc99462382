"""Problem 4: how many hops a message takes to every server (breadth-first search)."""

from __future__ import annotations

from collections import defaultdict, deque


def fan_out(relays: list[tuple[str, str]], origin: str) -> dict[str, int]:
    """The fewest hops from ``origin`` to every server a message published there reaches;
    ``(a, b)`` in ``relays`` means ``a`` forwards what it receives to ``b``. ``origin`` is 0 hops."""
    # BEGIN SOLUTION breadth-first search from the origin
    forwards: defaultdict[str, list[str]] = defaultdict(list)
    for sender, receiver in relays:
        forwards[sender].append(receiver)
    hops = {origin: 0}
    queue = deque([origin])
    while queue:
        server = queue.popleft()
        for receiver in forwards[server]:
            if receiver not in hops:  # reached first by the fewest hops: BFS goes level by level
                hops[receiver] = hops[server] + 1
                queue.append(receiver)
    return hops
    # END SOLUTION
