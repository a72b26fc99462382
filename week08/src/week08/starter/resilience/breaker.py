"""A circuit breaker: CLOSED -> OPEN after ``threshold`` consecutive failures; OPEN fails fast for
``reset_timeout`` seconds, then HALF_OPEN lets one trial call through: success closes, failure
reopens. The caller reports outcomes; what counts as a failure is its decision. (State diagram:
the week's README, "Circuit breaker".)"""

import time
from enum import StrEnum
from typing import Any

from .clock import Now
from .errors import CircuitOpenError


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    def __init__(
        self, name: str, *, threshold: int = 5, reset_timeout: float = 30.0,
        now: Now = time.monotonic,
    ) -> None:  # fmt: skip
        """Start CLOSED. Keep the arguments; track ``state``, ``failures`` (consecutive, while
        closed), ``opened_at`` (``now()`` when it opened) and ``trial_running`` (half-open)."""
        raise NotImplementedError("TODO: keep the arguments; start closed")

    def before_call(self) -> None:
        """Let a call through, or raise ``CircuitOpenError``; moves OPEN -> HALF_OPEN when due."""
        raise NotImplementedError("TODO: open: fail fast or go half-open; one trial")

    def record_success(self) -> None:
        """The call worked: close the circuit and forget earlier failures."""
        raise NotImplementedError("TODO: back to closed, no failures, no trial")

    def record_failure(self) -> None:
        """The call failed: count it while closed (open at ``threshold``); a failed trial reopens."""
        raise NotImplementedError("TODO: half-open: open; closed: count, maybe open")

    def _open(self) -> None:
        raise NotImplementedError("TODO: state open, opened now, no failures counted, no trial")

    def snapshot(self) -> dict[str, Any]:
        """For the status endpoint: the state, failures counted, seconds until a trial."""
        raise NotImplementedError("TODO: state, failures, seconds until the trial when open")
