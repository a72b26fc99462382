"""Task 1: when to retry and how long to wait (backoff with jitter, Retry-After)."""

from __future__ import annotations

from typing import Any

import pytest

from testkit import impl_module

pytestmark = pytest.mark.task(1)

NOW = 1_796_112_000.0  # Tue, 01 Dec 2026 08:00:00 GMT


def policy(**options: Any) -> Any:
    return impl_module("week08", "resilience.retry").RetryPolicy(**options)


@pytest.mark.parametrize(
    ("method", "headers", "status", "expected"),
    [
        ("GET", {}, None, True),  # a timeout or a dropped connection
        ("GET", {}, 503, True),
        ("get", {}, 429, True),
        ("DELETE", {}, 502, True),
        ("PUT", {}, 504, True),
        ("GET", {}, 408, True),
        ("GET", {}, 500, True),
        ("GET", {}, 404, False),
        ("GET", {}, 400, False),
        ("GET", {}, 501, False),  # Not Implemented: it will not be implemented in 2 s either
        ("POST", {}, 503, False),  # may have been done already: not idempotent
        ("POST", {}, None, False),
        ("PATCH", {}, 503, False),
        ("POST", {"Idempotency-Key": "k1"}, 503, True),
        ("POST", {"idempotency-key": "k1"}, None, True),
    ],
)
def test_only_idempotent_requests_and_passing_failures_are_retried(
    method: str, headers: dict[str, str], status: int | None, expected: bool
) -> None:
    assert policy().is_retryable(method, headers, status) is expected


@pytest.mark.points(2)
def test_backoff_doubles_up_to_the_cap() -> None:
    ceiling = policy(max_attempts=10, base=0.5, cap=5.0, random=lambda: 1.0)

    assert [ceiling.delay(n) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]


@pytest.mark.points(2)
def test_jitter_spreads_the_wait_over_zero_to_the_ceiling() -> None:
    halves = policy(max_attempts=10, base=0.5, cap=30.0, random=lambda: 0.5)
    zero = policy(max_attempts=10, random=lambda: 0.0)
    real = policy(max_attempts=10, base=1.0, cap=30.0)

    assert [halves.delay(n) for n in (1, 2, 3)] == [0.25, 0.5, 1.0]
    assert zero.delay(3) == 0.0
    waits = {real.delay(4) for _ in range(50)}
    assert len(waits) > 40  # random, not one fixed value
    assert all(0 <= wait <= 8.0 for wait in waits)


def test_no_delay_once_the_attempts_are_spent() -> None:
    three = policy(max_attempts=3, random=lambda: 1.0)

    assert three.delay(2) is not None
    assert three.delay(3) is None
    assert three.delay(3, retry_after=1.0) is None


@pytest.mark.points(2)
def test_retry_after_wins_unless_it_is_longer_than_the_cap() -> None:
    capped = policy(max_attempts=5, cap=30.0, random=lambda: 1.0)

    assert capped.delay(1, retry_after=7.0) == 7.0
    assert capped.delay(1, retry_after=0.0) == 0.0
    assert capped.delay(1, retry_after=30.0) == 30.0
    assert capped.delay(1, retry_after=31.0) is None  # give up now, not in half a minute


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        ("Tue, 01 Dec 2026 08:00:30 GMT", 30.0),
        ("Tue, 01 Dec 2026 07:59:00 GMT", 0.0),  # in the past: now
        ("Tue, 01 Dec 2026 08:01:00", 60.0),  # no zone: GMT, as HTTP dates are
        (None, None),
        ("", None),
        ("soon", None),
        ("-5", None),
        ("1.5", None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates(
    value: str | None, expected: float | None
) -> None:
    parse = impl_module("week08", "resilience.retry").parse_retry_after

    assert parse(value, NOW) == expected
