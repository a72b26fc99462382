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
        raise NotImplementedError("TODO: idempotent (or a key) and retryable status")

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed attempt ``attempt`` (1 = the first try), None: give up."""
        raise NotImplementedError("TODO: None when spent; Retry-After; full jitter")


def parse_retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` (RFC 9110 10.2.3: ``120`` or an HTTP-date) in seconds from ``now`` (epoch
    seconds): a past date is 0; absent or unreadable: None."""
    raise NotImplementedError("TODO: seconds, or an HTTP-date minus now")
