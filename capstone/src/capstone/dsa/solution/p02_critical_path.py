"""Problem 2: the earliest start of every task (topological order, then the longest path)."""

from __future__ import annotations

from collections import deque


def earliest_starts(
    durations: dict[str, int], dependencies: list[tuple[str, str]]
) -> dict[str, int] | None:
    """The earliest time each task of ``durations`` can start when ``(before, after)`` in
    ``dependencies`` means ``after`` starts once ``before`` has finished; ``None`` when the
    dependencies form a cycle."""
    # BEGIN SOLUTION Kahn's order, each finish pushed to what it blocks
    blocks: dict[str, list[str]] = {task: [] for task in durations}
    waiting = dict.fromkeys(durations, 0)  # unfinished prerequisites of each task
    for before, after in dependencies:
        blocks[before].append(after)
        waiting[after] += 1
    start = dict.fromkeys(durations, 0)
    ready = deque(task for task, count in waiting.items() if count == 0)
    done = 0
    while ready:
        task = ready.popleft()
        done += 1
        finish = start[task] + durations[task]
        for after in blocks[task]:
            start[after] = max(start[after], finish)
            waiting[after] -= 1
            if waiting[after] == 0:
                ready.append(after)
    # tasks on a cycle never get ready: fewer tasks done than there are
    return start if done == len(durations) else None
    # END SOLUTION
