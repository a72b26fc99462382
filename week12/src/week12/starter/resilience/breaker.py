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
        self.name = name
        self.threshold = threshold
        self.reset_timeout = reset_timeout
        self.now = now
        self.state = BreakerState.CLOSED
        self.failures = 0  # consecutive failures while closed
        self.opened_at = 0.0
        self.trial_running = False  # half-open: the one trial call is under way

    def before_call(self) -> None:
        """Let a call through, or raise ``CircuitOpenError``; moves OPEN -> HALF_OPEN when due."""
        if self.state is BreakerState.OPEN:
            waited = self.now() - self.opened_at
            if waited < self.reset_timeout:
                raise CircuitOpenError(self.name, self.reset_timeout - waited)
            self.state = BreakerState.HALF_OPEN
            self.trial_running = False
        if self.state is BreakerState.HALF_OPEN:
            if self.trial_running:
                raise CircuitOpenError(self.name, 0.0)
            self.trial_running = True

    def record_success(self) -> None:
        """The call worked: close the circuit and forget earlier failures."""
        self.state = BreakerState.CLOSED
        self.failures = 0
        self.trial_running = False

    def record_failure(self) -> None:
        """The call failed: count it while closed (open at ``threshold``); a failed trial reopens."""
        if self.state is BreakerState.HALF_OPEN:
            self._open()
        elif self.state is BreakerState.CLOSED:
            self.failures += 1
            if self.failures >= self.threshold:
                self._open()

    def _open(self) -> None:
        self.state = BreakerState.OPEN
        self.opened_at = self.now()
        self.failures = 0
        self.trial_running = False

    def snapshot(self) -> dict[str, Any]:
        """For the status endpoint: the state, failures counted, seconds until a trial."""
        retry_in = None
        if self.state is BreakerState.OPEN:
            retry_in = round(max(0.0, self.opened_at + self.reset_timeout - self.now()), 3)
        return {"state": self.state.value, "failures": self.failures, "retry_in": retry_in}
