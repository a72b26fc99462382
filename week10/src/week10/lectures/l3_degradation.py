"""L3: graceful degradation: decide, feature by feature, what happens while Redis is down.

Redis will be unreachable sometimes: a restart, a failover, a full memory, a network blip. Each
use of it needs an answer decided *before* that happens, written down and tested:

- **cache**: bypass it; serve from the database and skip the write-back. Slower, still correct;
- **rate limit**: fail **open** (allow and log) on ordinary routes: refusing every user costs
  more than a few extra requests; fail closed only where abuse is the bigger risk;
- **revocation** (a deny-list): fail **closed**: a token that cannot be checked is not accepted,
  since letting a stolen token in is the worse error.

Three client settings decide how much an outage costs each request:

- ``socket_connect_timeout`` and ``socket_timeout``: redis-py waits **5 s** by default. A refused
  connection (server down) fails at once, but a server that hangs (paused, overloaded, a network
  partition) makes every request wait the full timeout. Set them to your latency budget;
- ``retry``: how often a command is retried after a connection error (``Retry(NoBackoff(), 1)``:
  once, at once: enough to get past one dropped pooled connection);
- the pool reconnects by itself: a client that failed during the outage works again afterwards.

And one fact: a Redis without persistence that restarts comes back **empty**. The cache does not
mind (misses, then warms up); a deny-list that lived only in Redis has forgotten every revoked
token (``demo`` shows it). Keep the record of a revocation where it survives (PostgreSQL: the
project does so) or turn on persistence (``appendonly yes``) for that Redis.

Run: ``uv run python -m week10.lectures.l3_degradation``
"""

import asyncio
import contextlib
import time

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from week10.lectures.servers import redis_server


def resilient_client(url: str, timeout: float = 0.25) -> Redis:
    return Redis.from_url(
        url,
        decode_responses=True,
        socket_connect_timeout=timeout,
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
    )


class Database:
    """The source of truth, counting its queries."""

    def __init__(self) -> None:
        self.queries = 0

    async def report(self) -> str:
        self.queries += 1
        return "42 open tasks"


class Features:
    """Three uses of one Redis, each with its own answer to an outage."""

    def __init__(self, redis: Redis, db: Database) -> None:
        self.redis, self.db = redis, db

    async def report(self) -> str:
        """Cache-aside that bypasses the cache when it cannot reach it."""
        try:
            if await self.redis.get("report") is not None:
                return "hit"
        except RedisError:
            await self.db.report()
            return "served from the database (cache bypassed)"
        value = await self.db.report()
        with contextlib.suppress(RedisError):  # the answer is right; the next one is slower
            await self.redis.set("report", value, ex=60)
        return "miss: loaded, cached if possible"

    async def export_allowed(self, user: str, limit: int = 5) -> str:
        """A fixed-window rate limit that fails open."""
        key = f"rl:{user}:{int(time.time() // 60)}"
        try:
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, 61)
                count, _ = await pipe.execute()
        except RedisError:
            return "allowed, not counted (fail open)"
        return "allowed" if count <= limit else "refused: 429"

    async def token_accepted(self, jti: str) -> str:
        """A deny-list check that fails closed."""
        try:
            revoked = bool(await self.redis.exists(f"denied:{jti}"))
        except RedisError:
            return "rejected: cannot check (fail closed, 503)"
        return "rejected: revoked (401)" if revoked else "accepted"

    async def revoke(self, jti: str) -> None:
        await self.redis.set(f"denied:{jti}", 1, ex=900)


async def phase(features: Features) -> dict[str, str]:
    return {
        "cache": await features.report(),
        "rate limit": await features.export_allowed("ada"),
        "stolen token": await features.token_accepted("stolen"),
        "fresh token": await features.token_accepted("fresh"),
    }


async def outage() -> dict[str, dict[str, str]]:
    """Each feature with Redis up, stopped, and restarted (empty, like any Redis without
    persistence). The same client is used throughout: it reconnects by itself."""
    with redis_server() as server:
        redis = resilient_client(server.url())
        features = Features(redis, Database())
        await features.revoke("stolen")
        await features.report()  # warm the cache
        rows = {"up": await phase(features)}
        server.stop()
        rows["down"] = await phase(features)
        server.start()
        rows["back (empty)"] = await phase(features)
        await redis.aclose()
    return rows


async def hung_server_costs(socket_timeout: float = 0.25) -> float:
    """Seconds one GET takes against a server that hangs (paused): the timeout, once per try."""
    with redis_server() as server:
        redis = resilient_client(server.url(), socket_timeout)
        await redis.ping()  # a pooled connection, as in a running app
        server.pause()
        started = time.perf_counter()
        with contextlib.suppress(RedisError):
            await redis.get("anything")
        took = time.perf_counter() - started
        server.resume()
        await redis.aclose()
    return took


def default_timeouts() -> dict[str, object]:
    kwargs = Redis().connection_pool.connection_kwargs  # the library's own defaults
    return {name: kwargs[name] for name in ("socket_connect_timeout", "socket_timeout")}


async def demo() -> None:
    for name, row in (await outage()).items():
        print(f"{name}:")
        for feature, outcome in row.items():
            print(f"  {feature:>12}: {outcome}")
    print("redis-py's defaults:", default_timeouts())
    print(
        f"one GET against a hung server with socket_timeout=0.25: {await hung_server_costs():.2f} s"
    )


def main() -> None:
    asyncio.run(demo())


if __name__ == "__main__":
    main()
