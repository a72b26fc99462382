"""L2: rate limits: read what the server advertises, and pace yourself with a token bucket.

**Theirs.** GitHub (and many APIs) send on every response::

    X-RateLimit-Limit: 60          requests per window
    X-RateLimit-Remaining: 57      left in this window
    X-RateLimit-Reset: 1796115600  when the window ends (epoch seconds)

and 429 (GitHub: 403 too) with ``Retry-After`` when you exceed it. A polite client never gets
there: ``pace()`` spreads the remaining requests over the time to the reset, and when nothing
is left it waits for the reset *before* sending.

**Ours.** A token bucket holds up to ``capacity`` tokens and earns ``rate`` per second; each
request spends one, and waits when none is left: bursts up to ``capacity``, then a steady ``rate``.
Written by hand below and proven with a fake clock (no real waiting); ``aiolimiter.AsyncLimiter``
is the maintained equivalent (a leaky bucket: ``AsyncLimiter(max_rate, time_period)``).

Run: ``uv run python -m week08.lectures.l2_rate_limits``
"""

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping

import httpx
from aiolimiter import AsyncLimiter
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.fake_upstream import FakeClock
from week08.lectures.servers import RateLimit, serve

Now = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


def pace(headers: Mapping[str, str], now: float) -> float:
    """Seconds to wait before the next request: the time to the reset shared by what is left."""
    remaining = headers.get("x-ratelimit-remaining")
    reset = headers.get("x-ratelimit-reset")
    if remaining is None or reset is None or not remaining.isdigit() or not reset.isdigit():
        return 0.0  # no budget advertised: nothing to go by
    until_reset = max(0.0, int(reset) - now)
    if int(remaining) == 0:
        return until_reset  # spent: wait for the new window
    return until_reset / int(remaining)


async def polite_walk(base_url: str, requests: int, now: Now, sleep: Sleep) -> list[int]:
    """Send ``requests`` GETs, pacing by the advertised budget; return the statuses."""
    statuses = []
    async with httpx.AsyncClient(base_url=base_url) as client:
        wait = 0.0
        for _ in range(requests):
            await sleep(wait)
            response = await client.get("/")
            statuses.append(response.status_code)
            wait = pace(response.headers, now())
    return statuses


async def greedy_walk(base_url: str, requests: int) -> list[int]:
    async with httpx.AsyncClient(base_url=base_url) as client:
        return [(await client.get("/")).status_code for _ in range(requests)]


class TokenBucket:
    def __init__(self, rate: float, capacity: int, now: Now, sleep: Sleep) -> None:
        self.rate, self.capacity, self.now, self.sleep = rate, capacity, now, sleep
        self.tokens = float(capacity)
        self.updated = now()

    async def acquire(self) -> None:
        elapsed = self.now() - self.updated
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)  # earned meanwhile
        self.updated = self.now()
        if self.tokens < 1:
            await self.sleep((1 - self.tokens) / self.rate)  # the time to earn the missing part
            self.tokens, self.updated = 1.0, self.now()
        self.tokens -= 1


async def bucket_times(rate: float, capacity: int, requests: int) -> list[float]:
    """When each of ``requests`` acquisitions happens, on a fake clock starting at 0."""
    clock = FakeClock(start=0.0)
    bucket = TokenBucket(rate, capacity, clock, clock.sleep)
    times = []
    for _ in range(requests):
        await bucket.acquire()
        times.append(round(clock(), 3))
    return times


async def aiolimiter_times(rate: float, period: float, requests: int) -> list[float]:
    """The same with aiolimiter, in real time (so: a small period)."""
    limiter = AsyncLimiter(rate, period)
    started = time.monotonic()
    times = []
    for _ in range(requests):
        async with limiter:
            times.append(time.monotonic() - started)
    return times


async def ok(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


async def demo() -> dict[str, object]:
    clock = FakeClock(start=1_796_112_000.0)
    greedy_limit = RateLimit(limit=5, window=10, clock=clock)
    with serve([Route("/", ok)], rate_limit=greedy_limit) as server:
        greedy = await greedy_walk(server.url, 8)
    polite_limit = RateLimit(limit=5, window=10, clock=clock)
    with serve([Route("/", ok)], rate_limit=polite_limit) as server:
        polite = await polite_walk(server.url, 8, clock, clock.sleep)
    return {
        "greedy": greedy,
        "polite": polite,
        "polite waited (s)": [round(s, 1) for s in clock.sleeps if s],
        "token bucket (rate 2/s, capacity 3)": await bucket_times(2, 3, 7),
        "aiolimiter (3 per 0.3 s)": [round(t, 2) for t in await aiolimiter_times(3, 0.3, 6)],
    }


def main() -> None:
    for key, value in asyncio.run(demo()).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
