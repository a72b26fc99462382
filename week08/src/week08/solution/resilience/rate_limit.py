"""Two rate limits, ours and theirs.

``TokenBucket`` is *our* budget: ``capacity`` tokens, refilled at ``rate`` per second; every request
takes one and waits for it when the bucket is empty. It allows short bursts (up to ``capacity``)
and a steady ``rate`` after that, whatever the upstream says.

``ServerBudget`` is *theirs*: GitHub (and many APIs) advertise what is left of the current window
on every response (``X-RateLimit-Remaining``) and when it refills (``X-RateLimit-Reset``, epoch
seconds). When nothing is left, we wait for the reset *before* sending, instead of collecting a 429
(or, on GitHub, a 403 and eventually a ban for "abuse").

Both take ``now`` and ``sleep``, so tests drive them with a fake clock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping

from .clock import Now, Sleep, wall_clock
from .clock import sleep as real_sleep


class TokenBucket:
    def __init__(
        self, rate: float, capacity: int, *, now: Now = time.monotonic, sleep: Sleep = real_sleep
    ) -> None:
        self.rate = rate
        self.capacity = capacity
        self.now = now
        self.sleep = sleep
        self.tokens = float(capacity)
        self.updated = now()
        self._lock = asyncio.Lock()  # concurrent callers queue up instead of racing for tokens

    def refill(self) -> None:
        """Add the tokens earned since the last refill, never more than ``capacity``."""
        # BEGIN SOLUTION elapsed time * rate, capped at capacity; remember when
        now = self.now()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        # END SOLUTION

    async def acquire(self) -> None:
        """Take one token, waiting until one has been earned if the bucket is empty."""
        # BEGIN SOLUTION under the lock: refill; if < 1 token, sleep the missing part; take one
        async with self._lock:
            self.refill()
            if self.tokens < 1:
                await self.sleep((1 - self.tokens) / self.rate)
                self.refill()
            self.tokens -= 1
        # END SOLUTION


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    return int(value) if value is not None and value.strip().isdigit() else None


class ServerBudget:
    """What the upstream says is left of its rate limit, and waiting when it is spent.

    Sequential callers only: two concurrent requests could both see "1 left". (The sources send
    their requests one after another.)
    """

    def __init__(self, *, now: Now = wall_clock, sleep: Sleep = real_sleep) -> None:
        self.now = now
        self.sleep = sleep
        self.limit: int | None = None
        self.remaining: int | None = None
        self.reset_at: float | None = None

    def update(self, headers: Mapping[str, str]) -> None:
        """Read ``X-RateLimit-Limit/Remaining/Reset``; ignore absent or non-numeric values."""
        # BEGIN SOLUTION read the three headers (as ints) and keep those that are present
        limit = _int_header(headers, "x-ratelimit-limit")
        remaining = _int_header(headers, "x-ratelimit-remaining")
        reset = _int_header(headers, "x-ratelimit-reset")
        if limit is not None:
            self.limit = limit
        if remaining is not None:
            self.remaining = remaining
        if reset is not None:
            self.reset_at = float(reset)
        # END SOLUTION

    async def wait_if_spent(self, max_wait: float) -> bool:
        """If nothing is left, sleep until the reset; False if that would take over ``max_wait``."""
        # BEGIN SOLUTION remaining 0 and reset in the future: too long -> False, else sleep
        if self.remaining is None or self.remaining > 0 or self.reset_at is None:
            return True
        delay = self.reset_at - self.now()
        if delay > max_wait:
            return False
        if delay > 0:
            await self.sleep(delay)
        self.remaining = None  # a new window: the next response tells us its budget
        return True
        # END SOLUTION
