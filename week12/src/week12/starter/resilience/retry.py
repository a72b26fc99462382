"""When to retry and how long to wait: only idempotent requests (or a POST with an
``Idempotency-Key``), only failures that may pass (no response, 408, 429, 5xx but 501); exponential
backoff with full jitter, or exactly ``Retry-After`` (giving up if it is longer than ``cap``)."""

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
        keys = {name.lower() for name in headers}
        idempotent = method.upper() in IDEMPOTENT_METHODS or "idempotency-key" in keys
        return idempotent and (status is None or status in RETRYABLE_STATUSES)

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed attempt ``attempt`` (1 = the first try), None: give up."""
        if attempt >= self.max_attempts:
            return None
        if retry_after is not None:
            return retry_after if retry_after <= self.cap else None
        return self.random() * min(self.cap, self.base * 2.0 ** (attempt - 1))


def parse_retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` (RFC 9110 10.2.3: ``120`` or an HTTP-date) in seconds from ``now`` (epoch
    seconds): a past date is 0; absent or unreadable: None."""
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
