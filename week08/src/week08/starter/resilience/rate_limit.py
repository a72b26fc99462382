"""Two rate limits: ``TokenBucket`` is our own pace (bursts up to ``capacity``, then ``rate`` per
second); ``ServerBudget`` is the upstream's (``X-RateLimit-Remaining``/``-Reset``): when it is
spent, wait for the reset instead of earning a 429. Both take ``now`` and ``sleep`` (fake in tests)."""

import asyncio
import time
from collections.abc import Mapping

from .clock import Now, Sleep, wall_clock
from .clock import sleep as real_sleep


class TokenBucket:
    def __init__(
        self, rate: float, capacity: int, *, now: Now = time.monotonic, sleep: Sleep = real_sleep
    ) -> None:
        """Start full: ``tokens`` = ``capacity``, ``updated`` = ``now()``; one lock for all callers."""
        raise NotImplementedError("TODO: keep the arguments; a full bucket now; an asyncio.Lock")

    def refill(self) -> None:
        """Add the tokens earned since the last refill, never more than ``capacity``."""
        raise NotImplementedError("TODO: elapsed time * rate, capped at capacity; remember when")

    async def acquire(self) -> None:
        """Take one token, waiting until one has been earned if the bucket is empty."""
        raise NotImplementedError("TODO: locked: refill; sleep if < 1 token; take one")


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    raise NotImplementedError("TODO: the header as an int, or None if absent or not all digits")


class ServerBudget:
    """What the upstream says is left of its budget. For sequential callers (as the sources are):
    two concurrent requests could both see "1 left"."""

    def __init__(self, *, now: Now = wall_clock, sleep: Sleep = real_sleep) -> None:
        """Nothing known yet: ``limit``, ``remaining`` and ``reset_at`` (epoch seconds) are None."""
        raise NotImplementedError("TODO: keep now and sleep; all budget fields None")

    def update(self, headers: Mapping[str, str]) -> None:
        """Read ``X-RateLimit-Limit/Remaining/Reset``; ignore absent or non-numeric values."""
        raise NotImplementedError("TODO: keep each X-RateLimit header that is an int")

    async def wait_if_spent(self, max_wait: float) -> bool:
        """If nothing is left, sleep until the reset; False if that would take over ``max_wait``."""
        raise NotImplementedError("TODO: spent: too long -> False, else sleep to reset")
