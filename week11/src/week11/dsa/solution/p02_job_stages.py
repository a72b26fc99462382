"""Problem 2: a job graph run in parallel stages (a topological sort by levels)."""

from __future__ import annotations

from collections import defaultdict


def job_stages(jobs: list[str], needs: list[tuple[str, str]]) -> list[list[str]]:
    """The stages of ``jobs`` run as early as possible: stage 1 holds the jobs that need nothing,
    each later stage the jobs whose needs all ran before it; each stage sorted. ``(job, needed)``
    pairs in ``needs``; a cycle raises ``ValueError`` naming a job on it."""
    # BEGIN SOLUTION Kahn's algorithm, one level at a time
    waiting = dict.fromkeys(jobs, 0)  # how many of its needs have not run yet
    unblocks: defaultdict[str, list[str]] = defaultdict(list)
    for job, needed in set(needs):  # a need listed twice is still one need
        waiting[job] += 1
        unblocks[needed].append(job)
    stage = sorted(job for job, count in waiting.items() if count == 0)
    stages: list[list[str]] = []
    while stage:
        stages.append(stage)
        following: list[str] = []
        for done in stage:
            for job in unblocks[done]:
                waiting[job] -= 1
                if waiting[job] == 0:
                    following.append(job)
        stage = sorted(following)
    if sum(map(len, stages)) < len(waiting):  # the rest wait on each other
        stuck = min(job for job, count in waiting.items() if count)
        raise ValueError(f"a cycle of needs: {stuck} can never run")
    return stages
    # END SOLUTION
