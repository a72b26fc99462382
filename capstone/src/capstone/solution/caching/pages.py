"""``PageCache``: cache-aside for the hot reads of one organisation, as the exact response bytes.

``await cache.get_or_load(org_id, "tasks", params, load)``:

- **the key** holds the organisation's *generation*: ``cap:v1:org:<id>:g<generation>:<name>:<digest>``.
  Every transaction that changes the organisation ``INCR``s its generation once it has committed
  (``invalidate``, an ``after_commit`` listener): every cached page of it (every filter, every
  page) is out of reach at once, and expires by its TTL. The generation and the entry are read in
  one round trip (``LOOKUP``, a Lua script). A missing generation starts at a random number, so
  a Redis restarted empty never brings back an old page under a recycled generation.
- **a missed invalidation** (Redis down at the commit) is remembered (``pending``) and replayed
  before this process uses the cache again; until then every read of the process goes to
  PostgreSQL. The TTL bounds what a process that dies meanwhile leaves behind.
- **stampede protection**: on a miss, one request takes a ``SET NX PX`` lock and loads; the
  others wait for its page (up to ``wait``), then load themselves.
- **degradation**: if Redis cannot be used, the page comes from PostgreSQL; nothing fails.
- **hit rate**: hits, misses and errors counted per process and added to a Redis hash at most
  once a ``flush_every`` seconds (``stats`` adds every process's counts; ``GET /metrics``).
"""

import asyncio
import contextlib
import hashlib
import json
import secrets
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from ..events import Change
from .guard import RedisGuard, RedisUnavailableError

PREFIX = "cap:v1"  # the app's keys (one Redis may serve several apps), and their shape's version
RESULTS = {"hits": "hit", "misses": "miss", "errors": "error"}  # counter -> Prometheus label
Load = Callable[[], Awaitable[str]]

# KEYS[1]: the generation; ARGV: a random first generation, the entry key's head and tail.
# (The entry's key is built here, so this script is for one Redis server, not a cluster.)
# BEGIN SOLUTION task 14: GET the generation (SET NX a random one if none), GET the entry
LOOKUP = """
local generation = redis.call('GET', KEYS[1])
if not generation then
    redis.call('SET', KEYS[1], ARGV[1], 'NX')
    generation = redis.call('GET', KEYS[1])
end
return {generation, redis.call('GET', ARGV[2] .. generation .. ARGV[3])}
"""
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
# REPLACE WITH
# LOOKUP = ""  # TODO (task 14): the Lua script: {generation, page or nil}
# RELEASE = ""  # TODO (task 14): the Lua script: DEL the lock if it still holds ARGV[1]
# END SOLUTION


@dataclass(frozen=True)
class CachePolicy:
    enabled: bool = True  # False: every read goes to PostgreSQL (a baseline, a kill switch)
    ttl: int = 60  # seconds a page lives without being invalidated
    lock_ms: int = 2000  # a crashed lock holder blocks the key at most this long
    wait: float = 1.0  # how long a request waits for another's load before loading itself
    poll: float = 0.005
    flush_every: float = 1.0  # seconds between writes of the counters to Redis
    prefix: str = PREFIX  # of every key (the tests give an app on another database its own)


def generation_key(org_id: int, prefix: str = PREFIX) -> str:
    # BEGIN SOLUTION task 14
    return f"{prefix}:org:{org_id}:generation"
    # REPLACE WITH
    # raise NotImplementedError("task 14: generation_key")
    # END SOLUTION


def digest(params: dict[str, Any]) -> str:
    """The query's parameters as 16 hex digits: nothing a client typed becomes part of a key."""
    # BEGIN SOLUTION task 14: sha256 of the canonical JSON
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]
    # REPLACE WITH
    # raise NotImplementedError("task 14: digest")
    # END SOLUTION


class PageCache:
    def __init__(self, guard: RedisGuard, policy: CachePolicy = CachePolicy()) -> None:
        self.guard = guard
        self.policy = policy
        self.pending: set[int] = set()  # organisations whose generation bump failed
        self.counts: Counter[str] = Counter()  # not yet added to Redis
        self.flushed_at = time.monotonic()
        self.metrics_key = f"{policy.prefix}:cache:metrics"

    async def get_or_load(self, org_id: int, name: str, params: dict[str, Any], load: Load) -> str:
        """The page ``name`` of ``org_id`` with ``params``: cached, or ``load()``ed (and cached)."""
        if not self.policy.enabled:
            return await load()
        # BEGIN SOLUTION task 14: replay missed bumps; look up; on a miss load once and store
        prefix = self.policy.prefix
        head, tail = f"{prefix}:org:{org_id}:g", f":{name}:{digest(params)}"
        try:
            await self.replay()
            generation, page = await self.guard(
                lambda r: r.eval(
                    LOOKUP, 1, generation_key(org_id, prefix), secrets.randbelow(2**62), head, tail
                )
            )
        except RedisUnavailableError:
            await self.count("errors")
            return await load()
        if page is not None:
            await self.count("hits")
            return str(page)
        await self.count("misses")
        return await self.load_once(f"{head}{generation}{tail}", load)
        # REPLACE WITH
        # return await load()  # TODO (task 14): the cached page, else load() once and store it
        # END SOLUTION

    async def load_once(self, key: str, load: Load) -> str:
        """One request (the lock's holder) loads and stores; the others wait for its page."""
        # BEGIN SOLUTION task 14: SET NX PX lock; the holder loads and stores, others poll
        token = secrets.token_hex(8)
        try:
            lock = f"{key}:lock"
            locked = await self.guard(lambda r: r.set(lock, token, nx=True, px=self.policy.lock_ms))
            if not locked:
                deadline = time.monotonic() + self.policy.wait
                while time.monotonic() < deadline:
                    await asyncio.sleep(self.policy.poll)
                    if (page := await self.guard(lambda r: r.get(key))) is not None:
                        return str(page)
                return await load()  # the holder is slow or gone: load without storing
        except RedisUnavailableError:
            return await load()
        try:
            page = await load()
            with contextlib.suppress(RedisUnavailableError):
                await self.guard(lambda r: r.set(key, page, ex=self.policy.ttl))
            return page
        finally:
            with contextlib.suppress(RedisUnavailableError):  # else it expires by itself (PX)
                await self.guard(lambda r: r.eval(RELEASE, 1, lock, token))
        # REPLACE WITH
        # raise NotImplementedError("task 14: PageCache.load_once")
        # END SOLUTION

    async def invalidate(self, changes: list[Change]) -> None:
        """The ``after_commit`` listener: a new generation for every organisation changed."""
        # BEGIN SOLUTION task 14: remember the organisations, then replay (INCR each)
        self.pending.update(change.org_id for change in changes)
        with contextlib.suppress(RedisUnavailableError):  # else still pending: replayed before
            await self.replay()  # this process reads the cache again
        # REPLACE WITH
        # raise NotImplementedError("task 14: PageCache.invalidate")
        # END SOLUTION

    async def replay(self) -> None:
        """``INCR`` the generations still pending; ``RedisUnavailableError`` if Redis is down."""
        # BEGIN SOLUTION task 14: one pipeline of INCRs; forget only what went out
        if not self.pending:
            return
        orgs = sorted(self.pending)

        async def bump(redis: Redis) -> None:
            async with redis.pipeline(transaction=False) as pipe:
                for org_id in orgs:
                    pipe.incr(generation_key(org_id, self.policy.prefix))
                await pipe.execute()

        await self.guard(bump)
        self.pending.difference_update(orgs)
        # REPLACE WITH
        # raise NotImplementedError("task 14: PageCache.replay")
        # END SOLUTION

    async def count(self, outcome: str) -> None:
        """Count a lookup's outcome; add the counts to Redis at most once a ``flush_every``."""
        # BEGIN SOLUTION task 14: count here, flush at most once a flush_every
        self.counts[outcome] += 1
        if time.monotonic() - self.flushed_at >= self.policy.flush_every:
            await self.flush()
        # END SOLUTION

    async def flush(self) -> None:
        # BEGIN SOLUTION task 14: HINCRBY the batch in one pipeline; keep it if Redis is down
        batch, self.counts = self.counts, Counter()
        self.flushed_at = time.monotonic()

        async def write(redis: Redis) -> None:
            async with redis.pipeline(transaction=False) as pipe:
                for outcome, n in batch.items():
                    pipe.hincrby(self.metrics_key, outcome, n)
                await pipe.execute()

        try:
            if batch:
                await self.guard(write)
        except RedisUnavailableError:
            self.counts.update(batch)  # added with the next flush that reaches Redis
        # REPLACE WITH
        # raise NotImplementedError("task 14: PageCache.flush")
        # END SOLUTION

    async def stats(self) -> dict[str, int]:
        """Hits, misses and errors of every process (this one's flushed first);
        ``RedisUnavailableError`` while Redis is down."""
        # BEGIN SOLUTION task 14
        await self.flush()
        totals = await self.guard(lambda r: r.hgetall(self.metrics_key))
        return {outcome: int(totals.get(outcome, 0)) for outcome in RESULTS}
        # REPLACE WITH
        # raise NotImplementedError("task 14: PageCache.stats")
        # END SOLUTION


def prometheus_text(stats: dict[str, int], extra: Iterable[str] = ()) -> str:
    """The counters in Prometheus' text format."""
    # BEGIN SOLUTION task 14: one cache_requests_total line per result
    lines = [
        "# HELP cache_requests_total Page cache lookups by result.",
        "# TYPE cache_requests_total counter",
        *(f'cache_requests_total{{result="{RESULTS[k]}"}} {v}' for k, v in stats.items()),
        *extra,
    ]
    return "\n".join(lines) + "\n"
    # REPLACE WITH
    # raise NotImplementedError("task 14: prometheus_text")
    # END SOLUTION
