"""Problem 2: a job graph run in parallel stages (a topological sort by levels)."""

from __future__ import annotations

from collections import defaultdict


def job_stages(jobs: list[str], needs: list[tuple[str, str]]) -> list[list[str]]:
    """The stages of ``jobs`` run as early as possible: stage 1 holds the jobs that need nothing,
    each later stage the jobs whose needs all ran before it; each stage sorted. ``(job, needed)``
    pairs in ``needs``; a cycle raises ``ValueError`` naming a job on it."""
    raise NotImplementedError("TODO: Kahn's algorithm, one level at a time")
