"""L3: Redis as more than a cache - data structures, pub/sub (a preview) - and polyglot persistence.

Redis is an in-memory key-value server whose values are *data structures*, each with atomic
commands, answered in well under a millisecond:

- **string**: ``INCR`` counters, ``SET key value EX 60 NX`` locks and rate limits (week 10);
- **hash**: a small record (``HSET user:7 name Ada plan team``) read or updated field by field;
- **list**: ``LPUSH`` + ``BRPOP`` is a simple work queue (Celery uses it in week 11);
- **set**: unique members (``SADD`` visitors, ``SCARD`` to count them, ``SINTER``...);
- **sorted set**: members ordered by a score: leaderboards, "top N", time-ordered feeds;
- **pub/sub**: fire-and-forget messages to whoever listens now (real-time in week 12); a message
  published while nobody listens is gone. **Streams** (``XADD``) keep them, with consumer groups.

Everything lives in memory (persistence is optional), so Redis holds data you can rebuild or can
afford to lose: caches, sessions, counters, queues. That is **polyglot persistence**: PostgreSQL
stays the source of truth, and Redis keeps a derived, fast view of it (here: a leaderboard of
completed tasks per user, rebuilt from PostgreSQL at any time). Every extra store is one more
thing to run, back up, secure and keep consistent: add one for a need, not for fashion.

Run: ``uv run python -m week07.lectures.l3_redis``
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from week07.lectures.demo_db import demo_database, scratch_engine

PREFIX = "week07:"  # namespace every key: one Redis server is usually shared


def scored(members: Any) -> list[tuple[str, float]]:
    """``ZRANGE ... WITHSCORES`` answers as (member, score) pairs."""
    return [(str(member), float(score)) for member, score in members]


async def highest_first(redis: Redis, key: str, stop: int = -1) -> list[tuple[str, float]]:
    """``ZRANGE key 0 stop REV WITHSCORES``: members by score, highest first (Redis 6.2+).

    ZREVRANGE is deprecated since Redis 6.2, and redis-py's ``zrange(..., desc=True)`` still sends
    it for a range by rank, so we send the current command ourselves; ``withscores=True`` asks
    redis-py to pair each member with its score, as for its own ``zrange``.
    """
    command = ("ZRANGE", key, 0, stop, "REV", "WITHSCORES")
    pairs = await redis.execute_command(*command, withscores=True)  # type: ignore[no-untyped-call]
    return scored(pairs)


async def count_visit(redis: Redis, page: str) -> int:
    return int(await redis.incr(f"{PREFIX}visits:{page}"))


async def save_profile(redis: Redis, user_id: int, name: str, plan: str) -> dict[str, str]:
    key = f"{PREFIX}user:{user_id}"
    await redis.hset(key, mapping={"name": name, "plan": plan})
    await redis.hset(key, "plan", "team")  # one field, without reading the rest
    return {str(field): str(value) for field, value in (await redis.hgetall(key)).items()}


async def queue_round_trip(redis: Redis, jobs: list[str]) -> list[str]:
    """Producers LPUSH on the left; a worker BRPOPs from the right: first in, first out."""
    key = f"{PREFIX}queue"
    for job in jobs:
        await redis.lpush(key, job)
    done = []
    for _ in jobs:
        # A worker blocks here until a job arrives (timeout: give up after 5 s, returning None).
        item = await redis.brpop([key], timeout=5)
        if item is not None:
            done.append(str(item[1]))
    return done


async def unique_visitors(redis: Redis, visitors: list[str]) -> int:
    key = f"{PREFIX}visitors:today"
    await redis.sadd(key, *visitors)
    return int(await redis.scard(key))


async def top(redis: Redis, scores: dict[str, float], n: int) -> list[tuple[str, float]]:
    key = f"{PREFIX}leaderboard"
    for member, score in scores.items():
        await redis.zincrby(key, score, member)
    return await highest_first(redis, key, n - 1)


async def publish_and_receive(redis: Redis, channel: str, message: str) -> tuple[int, str | None]:
    """Subscribe, publish, receive. ``publish`` returns how many subscribers got the message."""
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(channel)
        # The first message confirms the subscription: only then is a publish sure to arrive.
        await pubsub.get_message(timeout=5)
        receivers = int(await redis.publish(channel, message))
        received = await pubsub.get_message(ignore_subscribe_messages=True, timeout=5)
        return receivers, received["data"] if received else None


# --- polyglot persistence: PostgreSQL is the truth, Redis a derived view -----------------------

TASKS = """
CREATE TABLE done_tasks (id int PRIMARY KEY, owner text NOT NULL);
INSERT INTO done_tasks
SELECT i, CASE WHEN i % 2 = 0 THEN 'ada' WHEN i % 3 = 0 THEN 'alan' ELSE 'grace' END
FROM generate_series(1, 30) AS i
"""


async def rebuild_leaderboard(engine: AsyncEngine, redis: Redis) -> list[tuple[str, float]]:
    """Recompute the view from the source of truth and swap it in atomically (RENAME)."""
    async with engine.connect() as conn:
        rows = await conn.execute(text("SELECT owner, count(*) FROM done_tasks GROUP BY owner"))
        counts = {owner: float(count) for owner, count in rows}
    key, staging = f"{PREFIX}done_per_user", f"{PREFIX}done_per_user:new"
    async with redis.pipeline(transaction=True) as pipe:  # MULTI ... EXEC: all or nothing
        pipe.delete(staging)
        pipe.zadd(staging, counts)
        pipe.rename(staging, key)
        await pipe.execute()
    return await highest_first(redis, key)


async def clear(redis: Redis) -> None:
    """Delete this lecture's keys only (SCAN, never KEYS * on a shared server)."""
    async for key in redis.scan_iter(match=f"{PREFIX}*"):
        await redis.delete(key)


@contextmanager
def demo_redis() -> Iterator[str]:
    """``REDIS_URL`` if set, else a throwaway local redis-server."""
    if url := os.environ.get("REDIS_URL"):
        yield url
        return
    from testkit.services.redis import ThrowawayRedis

    server = ThrowawayRedis()
    try:
        yield server.url()
    finally:
        server.close()


async def demo(redis_url: str, postgres_url: str) -> None:
    redis = Redis.from_url(redis_url, decode_responses=True)
    try:
        await clear(redis)
        print("visits:", [await count_visit(redis, "/home") for _ in range(3)])
        print("hash:", await save_profile(redis, 7, "Ada", "free"))
        print("queue:", await queue_round_trip(redis, ["a", "b", "c"]))
        print("unique visitors:", await unique_visitors(redis, ["ann", "bob", "ann"]))
        print("top 2:", await top(redis, {"ann": 30, "bob": 50, "cy": 10}, 2))
        print("pub/sub:", await publish_and_receive(redis, f"{PREFIX}news", "hello"))
        async with scratch_engine(postgres_url) as engine:
            async with engine.begin() as conn:
                for statement in TASKS.split(";\n"):
                    await conn.execute(text(statement))
            print("leaderboard from PostgreSQL:", await rebuild_leaderboard(engine, redis))
        await clear(redis)
    finally:
        await redis.aclose()


def main() -> None:
    with demo_redis() as redis_url, demo_database() as postgres_url:
        asyncio.run(demo(redis_url, postgres_url))


if __name__ == "__main__":
    main()
