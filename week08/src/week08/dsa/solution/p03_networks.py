"""Problem 3: networks after each cable (union-find)."""

from __future__ import annotations


def networks_after_each(hosts: int, cables: list[tuple[int, int]]) -> list[int]:
    """How many separate networks the ``hosts`` (0 to hosts - 1) form after each cable."""
    # BEGIN SOLUTION union-find with path halving and union by size
    parent = list(range(hosts))
    size = [1] * hosts
    networks = hosts
    counts: list[int] = []

    def root(host: int) -> int:
        while parent[host] != host:
            parent[host] = parent[parent[host]]  # path halving: later finds are shorter
            host = parent[host]
        return host

    for a, b in cables:
        ra, rb = root(a), root(b)
        if ra != rb:
            if size[ra] < size[rb]:
                ra, rb = rb, ra
            parent[rb] = ra  # the smaller tree goes under the larger: trees stay shallow
            size[ra] += size[rb]
            networks -= 1
        counts.append(networks)
    return counts
    # END SOLUTION
