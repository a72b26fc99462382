"""Response-time statistics for an access log.

Each log line looks like ``2026-01-05T10:00:01Z GET /tasks?page=2 200 0.0123``: a timestamp, the
method, the request target, the status code and the duration in SECONDS.

In the starter, this module holds four planted bugs, one per function. Each one returns a wrong
number without crashing, which is what makes real bugs hard. Find them with the method in the
README (reproduce, hypothesise, inspect, fix, keep the test), not by rereading the code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    status: int
    duration_ms: float


def parse_line(line: str) -> Request:
    """One log line -> ``Request``; the query string is dropped and the duration is in ms."""
    _timestamp, method, target, status, seconds = line.split()
    path = target.partition("?")[0]
    # BEGIN SOLUTION
    return Request(method, path, int(status), float(seconds) * 1000)
    # REPLACE WITH
    # return Request(method, path, int(status), float(seconds) * 100)
    # END SOLUTION


def parse_log(lines: Iterable[str]) -> list[Request]:
    """Every non-blank line, parsed."""
    return [parse_line(line) for line in lines if line.strip()]


def error_rate(requests: Sequence[Request]) -> float:
    """The share of requests that failed on the server side (status 500-599); 0.0 if none."""
    if not requests:
        return 0.0
    # BEGIN SOLUTION
    errors = sum(1 for r in requests if r.status >= 500)
    # REPLACE WITH
    # errors = sum(1 for r in requests if r.status > 500)
    # END SOLUTION
    return errors / len(requests)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``pct`` % of values <= it."""
    if not values or not 0 < pct <= 100:
        raise ValueError("need at least one value and 0 < pct <= 100")
    # BEGIN SOLUTION
    ordered = sorted(values)
    # REPLACE WITH
    # ordered = list(values)
    # END SOLUTION
    rank = math.ceil(pct / 100 * len(ordered))
    return ordered[rank - 1]


def slowest_paths(requests: Iterable[Request], n: int) -> list[tuple[str, float]]:
    """The ``n`` paths with the highest average duration, slowest first."""
    totals: dict[str, float] = {}
    counts: dict[str, int] = {}
    for r in requests:
        totals[r.path] = totals.get(r.path, 0.0) + r.duration_ms
        # BEGIN SOLUTION
        counts[r.path] = counts.get(r.path, 0) + 1
        # REPLACE WITH
        # counts[r.path] = counts.get(r.path, 1) + 1
        # END SOLUTION
    averages = {path: totals[path] / counts[path] for path in totals}
    return sorted(averages.items(), key=lambda item: item[1], reverse=True)[:n]
