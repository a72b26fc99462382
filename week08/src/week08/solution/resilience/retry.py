"""When to retry an upstream call, and how long to wait first.

- Retry only what is safe to repeat: idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE), or a
  POST that carries an ``Idempotency-Key`` (the upstream then runs it at most once).
- Retry only failures that may pass: a timeout or dropped connection (no status at all), 408, 429
  and 5xx gateway/server errors. A 400 or 404 fails the same way every time.
- Wait with *exponential backoff and full jitter*: attempt n waits a random time in
  ``[0, min(cap, base * 2**(n-1))]``. The growth gives a struggling server room; the randomness
  keeps a thousand clients from retrying in the same millisecond (AWS Architecture Blog,
  "Exponential Backoff And Jitter").
- If the server says when (``Retry-After``), wait exactly that; if it asks for longer than ``cap``,
  give up now instead of holding the caller hostage.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    base: float = 0.5
    cap: float = 30.0
    random: Callable[[], float] = field(default=random.random, repr=False)  # tests fix it

    def is_retryable(self, method: str, headers: Mapping[str, str], status: int | None) -> bool:
        """May this request be sent again? ``status`` is None when no response came back."""
        # BEGIN SOLUTION decide from the method (or an Idempotency-Key) and the status
        keys = {name.lower() for name in headers}
        idempotent = method.upper() in IDEMPOTENT_METHODS or "idempotency-key" in keys
        return idempotent and (status is None or status in RETRYABLE_STATUSES)
        # END SOLUTION

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed attempt ``attempt`` (1 = the first try), None: give up."""
        # BEGIN SOLUTION no attempts left: None; Retry-After wins (up to cap); else full jitter
        if attempt >= self.max_attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.cap else None
        return self.random() * min(self.cap, self.base * 2.0 ** (attempt - 1))
        # END SOLUTION


def parse_retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` in seconds from ``now`` (epoch seconds); None if absent or unreadable.

    RFC 9110 section 10.2.3 allows two forms: ``120`` (seconds) or an HTTP-date
    (``Wed, 21 Oct 2026 07:28:00 GMT``). A date in the past means "now": 0.
    """
    # BEGIN SOLUTION digits are seconds; otherwise parse an HTTP-date and subtract now
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)
    # END SOLUTION
