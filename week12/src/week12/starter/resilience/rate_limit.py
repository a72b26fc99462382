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
        self.rate = rate
        self.capacity = capacity
        self.now = now
        self.sleep = sleep
        self.tokens = float(capacity)
        self.updated = now()
        self._lock = asyncio.Lock()  # concurrent callers queue up instead of racing for tokens

    def refill(self) -> None:
        """Add the tokens earned since the last refill, never more than ``capacity``."""
        now = self.now()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    async def acquire(self) -> None:
        """Take one token, waiting until one has been earned if the bucket is empty."""
        async with self._lock:
            self.refill()
            if self.tokens < 1:
                await self.sleep((1 - self.tokens) / self.rate)
                self.refill()
            self.tokens -= 1


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    return int(value) if value is not None and value.strip().isdigit() else None


class ServerBudget:
    """What the upstream says is left of its budget. For sequential callers (as the sources are):
    two concurrent requests could both see "1 left"."""

    def __init__(self, *, now: Now = wall_clock, sleep: Sleep = real_sleep) -> None:
        """Nothing known yet: ``limit``, ``remaining`` and ``reset_at`` (epoch seconds) are None."""
        self.now = now
        self.sleep = sleep
        self.limit: int | None = None
        self.remaining: int | None = None
        self.reset_at: float | None = None

    def update(self, headers: Mapping[str, str]) -> None:
        """Read ``X-RateLimit-Limit/Remaining/Reset``; ignore absent or non-numeric values."""
        limit = _int_header(headers, "x-ratelimit-limit")
        remaining = _int_header(headers, "x-ratelimit-remaining")
        reset = _int_header(headers, "x-ratelimit-reset")
        if limit is not None:
            self.limit = limit
        if remaining is not None:
            self.remaining = remaining
        if reset is not None:
            self.reset_at = float(reset)

    async def wait_if_spent(self, max_wait: float) -> bool:
        """If nothing is left, sleep until the reset; False if that would take over ``max_wait``."""
        if self.remaining is None or self.remaining > 0 or self.reset_at is None:
            return True
        delay = self.reset_at - self.now()
        if delay > max_wait:
            return False
        if delay > 0:
            await self.sleep(delay)
        self.remaining = None  # a new window: the next response tells us its budget
        return True
