"""L2: the circuit breaker: fail fast while an upstream is down, find out when it is back.

Without one, every sync during an outage waits out its timeouts and retries (a minute of
nothing, holding connections and workers), and the struggling upstream gets hammered by retries
just as it tries to recover. A breaker is a small state machine in front of the calls:

- CLOSED: calls go through; consecutive failures are counted; ``threshold`` of them -> OPEN.
- OPEN: calls fail at once (no network) for ``reset_timeout`` seconds -> HALF_OPEN.
- HALF_OPEN: one trial call goes through. Success -> CLOSED; failure -> OPEN again.

``Breaker`` below is that machine with an injected clock, so every transition can be tested
without waiting. ``purgatory`` is a maintained library doing the same (``threshold``, ``ttl``,
state names ``closed``/``opened``/``half-opened``, an ``exclude`` list for errors that are not the
upstream's fault, a Redis store to share the state between processes).

Run: ``uv run python -m week08.lectures.l2_circuit_breaker``
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import OpenedState

from testkit.fake_upstream import FakeClock

T = TypeVar("T")


class CircuitOpen(Exception):
    pass


class Breaker:
    def __init__(self, threshold: int, reset_timeout: float, now: Callable[[], float]) -> None:
        self.threshold, self.reset_timeout, self.now = threshold, reset_timeout, now
        self.state, self.failures, self.opened_at = "closed", 0, 0.0

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        if self.state == "open":
            if self.now() - self.opened_at < self.reset_timeout:
                raise CircuitOpen("failing fast")
            self.state = "half_open"  # time is up: let this one call try
        try:
            result = await fn()
        except Exception:
            if self.state == "half_open" or self.failures + 1 >= self.threshold:
                self.state, self.opened_at, self.failures = "open", self.now(), 0
            else:
                self.failures += 1
            raise
        self.state, self.failures = "closed", 0
        return result


class Flaky:
    """An upstream that is down until told otherwise; counts the calls that reached it."""

    def __init__(self) -> None:
        self.up = False
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if not self.up:
            raise ConnectionError("upstream down")
        return "ok"


async def try_call(breaker: Breaker, upstream: Flaky) -> str:
    try:
        return await breaker.call(upstream)
    except CircuitOpen:
        return "fast fail"
    except ConnectionError:
        return "error"


async def hand_written() -> list[str]:
    clock = FakeClock(start=0.0)
    breaker, upstream = Breaker(threshold=3, reset_timeout=30, now=clock), Flaky()
    log = []
    for _ in range(5):  # 3 errors open it; 2 fast fails never reach the upstream
        log.append(f"{await try_call(breaker, upstream)} ({breaker.state})")
    clock.advance(30)
    log.append(f"{await try_call(breaker, upstream)} ({breaker.state})")  # the trial fails
    clock.advance(30)
    upstream.up = True
    log.append(f"{await try_call(breaker, upstream)} ({breaker.state})")  # the trial succeeds
    log.append(f"upstream saw {upstream.calls} calls")
    return log


async def with_purgatory(ttl: float = 0.05) -> list[str]:
    """The same story with purgatory (real time, so a short ttl)."""
    factory = AsyncCircuitBreakerFactory(default_threshold=3, default_ttl=ttl)
    upstream, log = Flaky(), []
    for _ in range(4):
        try:
            async with await factory.get_breaker("upstream"):
                await upstream()
        except OpenedState:
            log.append("fast fail")
        except ConnectionError:
            log.append("error")
    # purgatory reads the real clock (no clock to inject): let its ttl really pass.
    await asyncio.sleep(ttl * 2)
    upstream.up = True
    async with await factory.get_breaker("upstream"):
        log.append(await upstream())
    breaker = await factory.get_breaker("upstream")
    log.append(f"state {breaker.context.state}, upstream saw {upstream.calls} calls")
    return log


def main() -> None:
    print("by hand:  ", "; ".join(asyncio.run(hand_written())))
    print("purgatory:", "; ".join(asyncio.run(with_purgatory())))


if __name__ == "__main__":
    main()
