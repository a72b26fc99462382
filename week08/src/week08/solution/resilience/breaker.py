r"""A circuit breaker: stop calling an upstream that is down, and find out when it is back.

```
            failure x threshold                 reset_timeout passed
   CLOSED ----------------------> OPEN -------------------------------> HALF_OPEN
     ^  \__ success: count = 0     ^  \__ calls fail fast                 |  |
     |                             |     (CircuitOpenError)              |  |
     |                             +---------- trial call fails ---------+  |
     +------------------------------------- trial call succeeds ------------+
```

- CLOSED: calls go through; consecutive failures are counted, a success resets the count.
- OPEN: calls fail at once, without touching the network, for ``reset_timeout`` seconds: the
  upstream gets room to recover, and our sync ends in microseconds instead of a minute of timeouts.
- HALF_OPEN: ONE trial call is let through (others still fail fast). Success closes the circuit;
  failure opens it for another ``reset_timeout``.

The caller reports each outcome (``record_success``/``record_failure``): what counts as failure is
its decision (a timeout or a 503 does; a 404 does not, the upstream is up and answering).
"""

from __future__ import annotations

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
        # BEGIN SOLUTION open: fail fast until reset_timeout, then half-open; one trial at a time
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
        # END SOLUTION

    def record_success(self) -> None:
        """The call worked: close the circuit and forget earlier failures."""
        # BEGIN SOLUTION back to closed, no failures, no trial
        self.state = BreakerState.CLOSED
        self.failures = 0
        self.trial_running = False
        # END SOLUTION

    def record_failure(self) -> None:
        """The call failed: count it while closed (open at ``threshold``); a failed trial reopens."""
        # BEGIN SOLUTION half-open: open again; closed: count and open at threshold
        if self.state is BreakerState.HALF_OPEN:
            self._open()
        elif self.state is BreakerState.CLOSED:
            self.failures += 1
            if self.failures >= self.threshold:
                self._open()
        # END SOLUTION

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
