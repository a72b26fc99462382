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

# KEYS[1]: the generation; ARGV: a random first generation, the entry key's head and tail, and
# optionally the tail of a member's key (``fastpath.py``): its role, in the same round trip.
# (The entry's key is built here, so this script is for one Redis server, not a cluster.)
# BEGIN SOLUTION task 14: GET the generation (SET NX a random one if none), GET the entry
LOOKUP = """
local generation = redis.call('GET', KEYS[1])
if not generation then
    redis.call('SET', KEYS[1], ARGV[1], 'NX')
    generation = redis.call('GET', KEYS[1])
end
local page = redis.call('GET', ARGV[2] .. generation .. ARGV[3])
if not ARGV[4] then return {generation, page} end
return {generation, page, redis.call('GET', ARGV[2] .. generation .. ARGV[4])}
"""
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
# REPLACE WITH
# LOOKUP = ""  # TODO (task 14): the Lua script: {generation, page or nil[, role or nil]}
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
    member_ttl: int = 10  # seconds a cached role lives: the bound if a generation bump is lost


@dataclass(frozen=True)
class Lookup:
    """What one ``LOOKUP`` found: the page's key in the current generation (None: do not store,
    Redis is down or the cache is off), the page, and the member's cached role."""

    key: str | None = None
    page: str | None = None
    role: str | None = None
    member_key: str | None = None


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
        # BEGIN SOLUTION task 14: look up; on a miss load once and store
        found = await self.lookup(org_id, name, params)
        if found.page is not None:
            return found.page
        return await self.fill(found, load)
        # REPLACE WITH
        # return await load()  # TODO (task 14): the cached page, else load() once and store it
        # END SOLUTION

    async def lookup(
        self, org_id: int, name: str, params: dict[str, Any], member: int | None = None
    ) -> Lookup:
        """The page (and ``member``'s role) in one round trip; an empty ``Lookup`` if the cache
        is off or Redis is down (after replaying the bumps this process missed)."""
        # BEGIN SOLUTION task 14: replay missed bumps; LOOKUP; count the outcome
        if not self.policy.enabled:
            return Lookup()
        prefix = self.policy.prefix
        head, tail = f"{prefix}:org:{org_id}:g", f":{name}:{digest(params)}"
        extra = () if member is None else (f":member:{member}",)
        try:
            await self.replay()
            first = secrets.randbelow(2**62)
            key = generation_key(org_id, prefix)
            generation, page, *role = await self.guard(
                lambda r: r.eval(LOOKUP, 1, key, first, head, tail, *extra)
            )
        except RedisUnavailableError:
            await self.count("errors")
            return Lookup()
        await self.count("misses" if page is None else "hits")
        return Lookup(
            key=f"{head}{generation}{tail}",
            page=None if page is None else str(page),
            role=role[0] if role else None,
            member_key=f"{head}{generation}{extra[0]}" if extra else None,
        )
        # REPLACE WITH
        # return Lookup()  # TODO (task 14): LOOKUP in one round trip
        # END SOLUTION

    async def fill(self, found: Lookup, load: Load) -> str:
        """After a miss: load the page once and store it under ``found.key``."""
        # BEGIN SOLUTION task 14
        if found.key is None:
            return await load()
        return await self.load_once(found.key, load)
        # REPLACE WITH
        # return await load()  # TODO (task 14): load_once under the key, if there is one
        # END SOLUTION

    async def remember_role(self, found: Lookup, role: str) -> None:
        """Cache a member's role (read from PostgreSQL) in the generation ``found`` read before:
        a membership change after the read bumps the generation, and the entry is out of reach."""
        # BEGIN SOLUTION task 14: SET the member's key with member_ttl; nothing if Redis is down
        if found.member_key is not None:
            key = found.member_key
            with contextlib.suppress(RedisUnavailableError):
                await self.guard(lambda r: r.set(key, role, ex=self.policy.member_ttl))
        # REPLACE WITH
        # pass  # TODO (task 14): the role under the member's key, for member_ttl seconds
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
