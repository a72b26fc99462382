"""Task 3: the circuit breaker, every transition, with a fake clock."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from testkit import impl_module
from testkit.fake_upstream import FakeClock, FakeUpstream, Fault

from .conftest import sync

pytestmark = pytest.mark.task(3)


def breaker(clock: FakeClock, threshold: int = 3, reset_timeout: float = 30.0) -> Any:
    module = impl_module("week08", "resilience.breaker")
    return module.CircuitBreaker(
        "demo", threshold=threshold, reset_timeout=reset_timeout, now=clock
    )


def open_error() -> type[Exception]:
    error: type[Exception] = impl_module("week08", "resilience.errors").CircuitOpenError
    return error


def state(b: Any) -> str:
    return str(b.state.value)


@pytest.mark.points(2)
def test_closed_stays_closed_below_the_threshold_and_a_success_resets_the_count(
    clock: FakeClock,
) -> None:
    b = breaker(clock, threshold=3)
    for _ in range(2):
        b.before_call()
        b.record_failure()
    b.record_success()
    for _ in range(2):
        b.before_call()
        b.record_failure()

    assert state(b) == "closed"
    assert b.failures == 2


@pytest.mark.points(2)
def test_closed_opens_at_the_threshold_and_then_fails_fast(clock: FakeClock) -> None:
    b = breaker(clock, threshold=3, reset_timeout=30)
    for _ in range(3):
        b.before_call()
        b.record_failure()
    clock.advance(10)

    assert state(b) == "open"
    with pytest.raises(open_error()) as raised:
        b.before_call()
    assert raised.value.retry_in == pytest.approx(20.0)  # type: ignore[attr-defined]


@pytest.mark.points(2)
def test_open_becomes_half_open_after_the_reset_timeout_and_allows_one_trial(
    clock: FakeClock,
) -> None:
    b = breaker(clock, threshold=1, reset_timeout=30)
    b.before_call()
    b.record_failure()
    clock.advance(30)

    b.before_call()  # the trial goes through
    assert state(b) == "half_open"
    with pytest.raises(open_error()):
        b.before_call()  # a second caller meanwhile still fails fast


@pytest.mark.points(2)
def test_a_successful_trial_closes_the_circuit(clock: FakeClock) -> None:
    b = breaker(clock, threshold=1, reset_timeout=30)
    b.before_call()
    b.record_failure()
    clock.advance(31)
    b.before_call()

    b.record_success()

    assert state(b) == "closed"
    b.before_call()
    b.before_call()  # no trial limit any more


@pytest.mark.points(2)
def test_a_failed_trial_opens_the_circuit_for_another_period(clock: FakeClock) -> None:
    b = breaker(clock, threshold=2, reset_timeout=30)
    for _ in range(2):
        b.before_call()
        b.record_failure()
    clock.advance(30)
    b.before_call()

    b.record_failure()  # one failure is enough in half-open

    assert state(b) == "open"
    clock.advance(29)
    with pytest.raises(open_error()):
        b.before_call()
    clock.advance(1)
    b.before_call()
    assert state(b) == "half_open"


def test_the_snapshot_reports_the_state_and_time_to_the_trial(clock: FakeClock) -> None:
    b = breaker(clock, threshold=1, reset_timeout=30)
    assert b.snapshot() == {"state": "closed", "failures": 0, "retry_in": None}
    b.before_call()
    b.record_failure()
    clock.advance(12)

    assert b.snapshot() == {"state": "open", "failures": 0, "retry_in": 18.0}


@pytest.mark.points(4)
async def test_a_5xx_burst_opens_the_breaker_and_the_next_sync_fails_fast(
    client: httpx.AsyncClient, meteo: FakeUpstream, clock: FakeClock
) -> None:
    meteo.inject(Fault.status_code(503), times=3)  # threshold 3, 3 attempts: one sync opens it
    failed = await sync(client, "weather")
    meteo.requests.clear()

    fast = await sync(client, "weather")

    assert failed["breaker"]["state"] == "open"
    assert fast["status"] == "failed"
    assert "circuit open" in fast["last_error"]
    assert meteo.requests == []  # not one request while open
    clock.advance(30)
    recovered = await sync(client, "weather")
    assert recovered["status"] == "ok"
    assert recovered["breaker"]["state"] == "closed"
    assert len(meteo.requests) == 1  # the trial, which succeeded
