"""L2: the cache stampede, and two cures: a lock, and probabilistic early expiry.

A popular entry expires. In the next 50 ms, 50 requests miss it, and all 50 run the expensive
query the cache was there to avoid, at once, against a database sized for the cached load: a
**stampede** (thundering herd, dog-piling). ``naive`` below lets it happen.

**A lock** (``with_lock``): on a miss, ``SET <key>:lock <token> NX PX 5000`` (set only if absent,
expire in 5 s): exactly one request wins and recomputes; the others poll the cache (with a
deadline) until the value is there. Three details make it correct:

- check the cache again after winning the lock (*double-checked*): a request that missed just
  before the previous holder stored the value would otherwise recompute it once more;
- the lock expires (``PX``), so a holder that crashes does not block everybody for ever;
- the lock holds a random token and is released by a Lua script that deletes it only if the token
  is still ours (a holder slower than ``PX`` must not delete the *next* holder's lock).

**Probabilistic early expiry** (``with_early_expiry``; "XFetch", Vattani et al., VLDB 2015): each
entry stores how long it took to compute (``delta``) and when it goes stale. Every read draws a
random number and recomputes *early* if ``now - delta * beta * ln(random()) >= expires_at``. Far
from expiry that practically never happens; close to it, the odds rise (``early_odds``), so under
steady traffic one request refreshes the entry shortly before it expires and nobody ever misses.
A burst that arrives at the same instant would draw "refresh" together, so a refresh is claimed
with ``SET NX`` too: one request recomputes and the others keep serving the value they have (the
entry outlives its freshness by a grace period for this). Nobody waits, unlike with the lock.

Each is proven by firing 50 concurrent requests at an expired entry and counting recomputes.

Run: ``uv run python -m week10.lectures.l2_stampede``
"""

import asyncio
import math
import random
import secrets
import time
from collections.abc import Awaitable, Callable

from pydantic import BaseModel
from redis.asyncio import Redis

from week10.lectures.servers import local_redis

Compute = Callable[[], Awaitable[str]]

RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"""


class SlowQuery:
    """The expensive computation the cache protects, counting how often it really runs."""

    def __init__(self, seconds: float = 0.05) -> None:
        self.seconds = seconds
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        await asyncio.sleep(self.seconds)  # stands for a 50 ms aggregate query
        return f"report #{self.calls}"


async def naive(redis: Redis, key: str, compute: Compute, ttl: int = 60) -> str:
    if (cached := await redis.get(key)) is not None:
        return str(cached)
    value = await compute()
    await redis.set(key, value, ex=ttl)
    return value


async def recompute_once(
    redis: Redis,
    key: str,
    cached: Callable[[], Awaitable[str | None]],
    recompute: Compute,
    lock_ms: int = 5000,
    wait: float = 2.0,
) -> str:
    """The lock protocol: one caller runs ``recompute`` (which stores the value); the others
    poll ``cached`` until the value is there."""
    if (value := await cached()) is not None:
        return value
    lock, token = f"{key}:lock", secrets.token_hex(16)
    if await redis.set(lock, token, nx=True, px=lock_ms):  # SET key:lock <token> NX PX 5000
        try:
            if (value := await cached()) is not None:  # double-checked
                return value
            return await recompute()
        finally:
            await redis.eval(RELEASE, 1, lock, token)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:  # somebody else recomputes: wait for their value
        await asyncio.sleep(0.01)
        if (value := await cached()) is not None:
            return value
        if not await redis.exists(lock):  # they gave up (an error) or died: try ourselves
            return await recompute_once(redis, key, cached, recompute, lock_ms, wait)
    return await recompute()  # the holder is far too slow: better a slow answer than none


async def with_lock(redis: Redis, key: str, compute: Compute, ttl: int = 60) -> str:
    async def cached() -> str | None:
        value = await redis.get(key)
        return None if value is None else str(value)

    async def recompute() -> str:
        value = await compute()
        await redis.set(key, value, ex=ttl)
        return value

    return await recompute_once(redis, key, cached, recompute)


class Entry(BaseModel):
    value: str
    delta: float  # seconds the computation took
    expires_at: float  # when the value goes stale (epoch seconds)


def early_odds(remaining: float, delta: float, beta: float = 1.0) -> float:
    """The chance that one read recomputes ``remaining`` seconds before expiry:
    ``-delta * beta * ln(u) >= remaining`` for a uniform ``u`` means ``u <= exp(-remaining /
    (delta * beta))``."""
    return math.exp(-max(remaining, 0.0) / (delta * beta))


async def store(redis: Redis, key: str, compute: Compute, ttl: float, grace: float) -> str:
    started = time.time()
    value = await compute()
    delta = time.time() - started
    entry = Entry(value=value, delta=delta, expires_at=time.time() + ttl)
    # The key outlives the value's freshness by `grace`: a stale copy to serve during a refresh.
    await redis.set(key, entry.model_dump_json(), px=int((ttl + grace) * 1000))
    return value


def uniform() -> float:
    """A uniform draw in (0, 1]: never 0, whose logarithm is minus infinity."""
    return 1.0 - random.random()  # noqa: S311 - spreading load, not secrets


async def with_early_expiry(
    redis: Redis,
    key: str,
    compute: Compute,
    ttl: float = 60,
    grace: float = 60,
    beta: float = 1.0,
    draw: Callable[[], float] = uniform,
) -> str:
    async def cached() -> str | None:
        raw = await redis.get(key)
        return None if raw is None else Entry.model_validate_json(raw).value

    raw = await redis.get(key)
    if raw is None:  # nothing to serve (a cold start): one request computes, the others wait
        return await recompute_once(
            redis, key, cached, lambda: store(redis, key, compute, ttl, grace)
        )
    entry = Entry.model_validate_json(raw)
    if time.time() - entry.delta * beta * math.log(draw()) < entry.expires_at:
        return entry.value  # fresh enough (the common case)
    # This read drew "refresh". One refresher at a time; everybody else serves what is there.
    if await redis.set(f"{key}:refresh", "1", nx=True, px=5000):
        try:
            current = Entry.model_validate_json(await redis.get(key) or raw)  # double-checked
            if current.expires_at != entry.expires_at:
                return current.value  # refreshed since we read it
            return await store(redis, key, compute, ttl, grace)
        finally:
            await redis.delete(f"{key}:refresh")
    return entry.value


async def expire_now(redis: Redis, key: str) -> None:
    """Make the entry stale: for plain keys, delete it; for an ``Entry``, move its expiry back."""
    raw = await redis.get(key)
    if raw is not None and str(raw).startswith("{"):
        entry = Entry.model_validate_json(raw)
        stale = entry.model_copy(update={"expires_at": time.time() - 1})
        await redis.set(key, stale.model_dump_json(), keepttl=True)
    else:
        await redis.delete(key)


Strategy = Callable[[Redis, str, Compute], Awaitable[str]]
STRATEGIES: dict[str, Strategy] = {
    "naive": naive,
    "lock": with_lock,
    "early expiry": with_early_expiry,
}


async def stampede(redis: Redis, strategy: str, clients: int = 50) -> dict[str, int]:
    """Warm the entry, expire it, fire ``clients`` concurrent reads; count the recomputes, and the
    reads answered at once with the value they found (nobody waited for them)."""
    get = STRATEGIES[strategy]
    query = SlowQuery()
    key = f"stampede:{strategy}"
    await get(redis, key, query)
    # A running app's pool has its connections open already; opening 50 now would space the
    # requests out and hide the stampede.
    await asyncio.gather(*(redis.ping() for _ in range(clients)))
    await expire_now(redis, key)
    before = query.calls
    values = await asyncio.gather(*(get(redis, key, query) for _ in range(clients)))
    return {
        "recomputes": query.calls - before,
        "served the old value": values.count("report #1"),
    }


async def demo(url: str) -> None:
    redis = Redis.from_url(url, decode_responses=True)
    try:
        for strategy in STRATEGIES:
            print(f"50 requests at an expired entry, {strategy}: {await stampede(redis, strategy)}")
    finally:
        await redis.aclose()
    delta = 0.05
    odds = ", ".join(
        f"{remaining} s: {early_odds(remaining, delta):.3g}"
        for remaining in (1, 0.25, 0.1, 0.05, 0)
    )
    print(f"odds of an early refresh per read (delta {delta} s), by time left: {odds}")


def main() -> None:
    with local_redis() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
