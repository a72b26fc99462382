"""Task 1: the debugging exercise. Each test pins one function's behaviour on a small input."""

from __future__ import annotations

from types import ModuleType

import pytest

from testkit import impl_module

LOG = """\
2026-01-05T10:00:01Z GET /tasks?page=2 200 0.0120
2026-01-05T10:00:02Z POST /tasks 201 0.0450

2026-01-05T10:00:03Z GET /reports 500 1.2000
2026-01-05T10:00:04Z GET /tasks 404 0.0080
"""


@pytest.fixture
def stats() -> ModuleType:
    return impl_module("week02", "debugging.log_stats")


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_parse_line_reads_every_field_and_converts_seconds_to_ms(stats: ModuleType) -> None:
    request = stats.parse_line("2026-01-05T10:00:01Z GET /tasks?page=2 200 0.0125")

    assert request == stats.Request("GET", "/tasks", 200, pytest.approx(12.5))


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_parse_log_skips_blank_lines(stats: ModuleType) -> None:
    requests = stats.parse_log(LOG.splitlines())

    assert [r.path for r in requests] == ["/tasks", "/tasks", "/reports", "/tasks"]
    assert requests[2].duration_ms == pytest.approx(1200.0)


@pytest.mark.task(1)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], 0.0),
        ([200, 201, 404], 0.0),
        ([200, 500, 503, 599], 0.75),
        ([500], 1.0),
    ],
)
def test_error_rate_counts_every_5xx(
    stats: ModuleType, statuses: list[int], expected: float
) -> None:
    requests = [stats.Request("GET", "/", status, 1.0) for status in statuses]

    assert stats.error_rate(requests) == expected


@pytest.mark.task(1)
@pytest.mark.points(1)
@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        ([15.0, 20.0, 35.0, 40.0, 50.0], 30, 20.0),
        ([15.0, 20.0, 35.0, 40.0, 50.0], 100, 50.0),
        ([50.0, 15.0, 40.0, 20.0, 35.0], 30, 20.0),
        ([3.0, 1.0, 2.0], 50, 2.0),
    ],
)
def test_percentile_uses_the_nearest_rank(
    stats: ModuleType, values: list[float], pct: float, expected: float
) -> None:
    assert stats.percentile(values, pct) == expected


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_percentile_rejects_empty_input(stats: ModuleType) -> None:
    with pytest.raises(ValueError, match="at least one value"):
        stats.percentile([], 50)


@pytest.mark.task(1)
@pytest.mark.points(1)
def test_slowest_paths_ranks_by_average_duration(stats: ModuleType) -> None:
    requests = [
        stats.Request("GET", "/fast", 200, 10.0),
        stats.Request("GET", "/slow", 200, 300.0),
        stats.Request("GET", "/slow", 200, 100.0),
        stats.Request("GET", "/medium", 200, 150.0),
    ]

    assert stats.slowest_paths(requests, 2) == [("/slow", 200.0), ("/medium", 150.0)]
