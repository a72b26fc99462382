"""L3: rate limiting shared by every process of the app: a fixed window and a sliding window.

A limit kept in one process's memory (week 9's login throttle lived in PostgreSQL, week 8's token
bucket in memory) is per process: four workers allow four times the limit. In Redis, every
process counts in the same place. Two classic algorithms:

- **fixed window**: ``INCR rl:<client>:<window number>`` and ``EXPIRE`` it after the window, in
  one ``MULTI``: one small key per client and window, exact within a window. Its flaw is the
  boundary: ``limit`` requests at the end of one window and ``limit`` more at the start of the
  next all pass, twice the limit within a moment (``boundary_burst``).
- **sliding window log**: a sorted set per client, each request a member scored by its time;
  drop the members older than the window, count, admit if under the limit. Exact over *any*
  window, for a sorted set per client of up to ``limit`` members. Check and add must be one step,
  or two concurrent requests both see "9 of 10" and both pass: one Lua script (``SLIDING``).

Either way, answer a refusal with ``429 Too Many Requests`` and ``Retry-After`` (``RateLimiter``
below, a FastAPI dependency). Counting must be atomic: ``racy`` (GET, compare, INCR) admits more
than the limit under concurrency.

Run: ``uv run python -m week10.lectures.l3_rate_limits``
"""

import asyncio
import math
import secrets
import time
from dataclasses import dataclass

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request, Response
from redis.asyncio import Redis

from week10.lectures.servers import local_redis


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining: int
    retry_after: float  # seconds until a refused client may try again (0 when allowed)


class FixedWindow:
    def __init__(self, redis: Redis, limit: int, window: float) -> None:
        self.redis, self.limit, self.window = redis, limit, window

    async def hit(self, client: str, now: float | None = None) -> Decision:
        now = time.time() if now is None else now
        number = math.floor(now / self.window)
        key = f"rl:fixed:{client}:{number}"
        async with self.redis.pipeline(transaction=True) as pipe:  # MULTI
            pipe.incr(key)  # INCR rl:fixed:ada:1796112000
            pipe.expire(key, math.ceil(self.window) + 1)  # EXPIRE ... 2: the key cleans up
            count, _ = await pipe.execute()  # EXEC
        if count <= self.limit:
            return Decision(True, self.limit - count, 0.0)
        return Decision(False, 0, (number + 1) * self.window - now)


SLIDING = """
local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
    redis.call('ZADD', key, now, ARGV[4])
    redis.call('PEXPIRE', key, math.ceil(window))
    return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
"""


class SlidingWindow:
    """Times in milliseconds inside Redis; a refused request is not recorded."""

    def __init__(self, redis: Redis, limit: int, window: float) -> None:
        self.redis, self.limit, self.window = redis, limit, window
        self.script = redis.register_script(SLIDING)

    async def hit(self, client: str, now: float | None = None) -> Decision:
        now_ms = (time.time() if now is None else now) * 1000
        member = f"{now_ms}:{secrets.token_hex(4)}"  # unique: two requests in the same ms
        allowed, remaining, retry_ms = await self.script(
            keys=[f"rl:sliding:{client}"], args=[now_ms, self.window * 1000, self.limit, member]
        )
        return Decision(bool(allowed), int(remaining), float(retry_ms) / 1000)


class Racy:
    """The bug to avoid: read, compare, then write; concurrent requests all read the same count."""

    def __init__(self, redis: Redis, limit: int) -> None:
        self.redis, self.limit = redis, limit

    async def hit(self, client: str, now: float | None = None) -> Decision:
        count = int(await self.redis.get(f"rl:racy:{client}") or 0)
        if count >= self.limit:
            return Decision(False, 0, 1.0)
        await self.redis.incr(f"rl:racy:{client}")
        return Decision(True, self.limit - count - 1, 0.0)


Limiter = FixedWindow | SlidingWindow | Racy


async def concurrent(limiter: Limiter, requests: int = 50) -> int:
    """How many of ``requests`` simultaneous requests of one client get through (all at the same
    instant, so a window boundary cannot fall between them)."""
    now = time.time()
    decisions = await asyncio.gather(*(limiter.hit("ada", now) for _ in range(requests)))
    return sum(decision.allowed for decision in decisions)


async def boundary_burst(limiter: Limiter, limit: int) -> int:
    """``limit`` requests 1 ms before a window boundary and ``limit`` 1 ms after it: how many pass
    within those 2 ms."""
    start = math.floor(time.time()) + 10.0  # a boundary in the future, so no real key interferes
    before = [await limiter.hit("bob", start - 0.001) for _ in range(limit)]
    after = [await limiter.hit("bob", start + 0.001) for _ in range(limit)]
    return sum(decision.allowed for decision in before + after)


class RateLimiter:
    """A dependency: ``Depends(RateLimiter(limit=5, window=60))`` on a route."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window

    async def __call__(self, request: Request, response: Response) -> None:
        limiter = SlidingWindow(request.app.state.redis, self.limit, self.window)
        client = request.client.host if request.client else "unknown"
        decision = await limiter.hit(f"{request.url.path}:{client}")
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(decision.remaining),
        }
        if not decision.allowed:
            headers["Retry-After"] = str(math.ceil(decision.retry_after))
            raise HTTPException(429, "Too many requests", headers)
        response.headers.update(headers)


def create_app(redis: Redis) -> FastAPI:
    app = FastAPI()
    app.state.redis = redis

    @app.post("/reports", dependencies=[Depends(RateLimiter(limit=3, window=60))])
    async def create_report() -> dict[str, str]:
        return {"status": "queued"}

    return app


async def over_http(redis: Redis) -> list[str]:
    app = create_app(redis)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://app") as c:
        responses = [await c.post("/reports") for _ in range(4)]
    return [
        f"{r.status_code} remaining={r.headers['ratelimit-remaining']}"
        + (f" retry-after={r.headers['retry-after']}" if "retry-after" in r.headers else "")
        for r in responses
    ]


async def demo(url: str) -> None:
    redis = Redis.from_url(url, decode_responses=True)
    try:
        limiters: dict[str, Limiter] = {
            "racy GET + INCR": Racy(redis, 10),
            "fixed window": FixedWindow(redis, 10, 1.0),
            "sliding window": SlidingWindow(redis, 10, 1.0),
        }
        for name, limiter in limiters.items():
            print(f"{name}, limit 10: 50 concurrent requests, {await concurrent(limiter)} passed")
        windows: dict[str, Limiter] = {
            "fixed window": FixedWindow(redis, 10, 1.0),
            "sliding window": SlidingWindow(redis, 10, 1.0),
        }
        for name, limiter in windows.items():
            burst = await boundary_burst(limiter, 10)
            print(f"{name}, 10 per second: {burst} passed within 2 ms around a boundary")
        print("POST /reports, limit 3 per minute:", await over_http(redis))
    finally:
        await redis.aclose()


def main() -> None:
    with local_redis() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
