"""Problem 4: the fewest hops between two services (breadth-first search)."""

from __future__ import annotations

from collections import defaultdict, deque


def fewest_hops(links: list[tuple[str, str]], start: str, goal: str) -> int | None:
    """The fewest links from ``start`` to ``goal`` (links work both ways); None if unreachable."""
    # BEGIN SOLUTION breadth-first search from start, level by level
    neighbours: defaultdict[str, list[str]] = defaultdict(list)
    for a, b in links:
        neighbours[a].append(b)
        neighbours[b].append(a)
    hops = {start: 0}
    queue = deque([start])
    while queue:
        service = queue.popleft()
        if service == goal:
            return hops[service]
        for nxt in neighbours[service]:
            if nxt not in hops:
                hops[nxt] = hops[service] + 1
                queue.append(nxt)
    return None
    # END SOLUTION
