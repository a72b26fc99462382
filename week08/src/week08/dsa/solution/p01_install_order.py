"""Problem 1: an install order for packages (topological sort, Kahn's algorithm)."""

from __future__ import annotations

import heapq


def install_order(requires: dict[str, list[str]]) -> list[str] | None:
    """Every package after the packages it requires, the smallest name first whenever several
    could go next; None when the requirements have a cycle."""
    # BEGIN SOLUTION Kahn's algorithm with a heap of the ready packages
    packages = set(requires) | {dep for deps in requires.values() for dep in deps}
    waiting = dict.fromkeys(packages, 0)  # requirements not installed yet
    needed_by: dict[str, list[str]] = {package: [] for package in packages}
    for package, deps in requires.items():
        for dep in set(deps):
            waiting[package] += 1
            needed_by[dep].append(package)
    ready = [package for package, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        package = heapq.heappop(ready)
        order.append(package)
        for dependant in needed_by[package]:
            waiting[dependant] -= 1
            if waiting[dependant] == 0:
                heapq.heappush(ready, dependant)
    return order if len(order) == len(packages) else None
    # END SOLUTION
