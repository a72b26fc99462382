"""Problem 2: show a requirement cycle (depth-first search with three colours)."""

from __future__ import annotations


def find_cycle(requires: dict[str, list[str]]) -> list[str] | None:
    """Packages ``[a, b, ..., a]`` where each requires the next; None when there is no cycle."""
    # BEGIN SOLUTION an iterative depth-first search that keeps the current path
    done: set[str] = set()
    for root in sorted(requires):
        if root in done:
            continue
        path: list[str] = [root]
        on_path = {root: 0}  # package -> its index in path
        branches = [iter(requires.get(root, []))]
        while branches:
            nxt = next(branches[-1], None)
            if nxt is None:  # every requirement of the path's last package is done
                finished = path.pop()
                del on_path[finished]
                done.add(finished)
                branches.pop()
            elif nxt in on_path:
                return [*path[on_path[nxt] :], nxt]
            elif nxt not in done:
                on_path[nxt] = len(path)
                path.append(nxt)
                branches.append(iter(requires.get(nxt, [])))
    return None
    # END SOLUTION
