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
LOOKUP = ""  # TODO (task 14): the Lua script: {generation, page or nil[, role or nil]}
RELEASE = ""  # TODO (task 14): the Lua script: DEL the lock if it still holds ARGV[1]


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
    raise NotImplementedError("task 14: generation_key")


def digest(params: dict[str, Any]) -> str:
    """The query's parameters as 16 hex digits: nothing a client typed becomes part of a key."""
    raise NotImplementedError("task 14: digest")


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
        return await load()  # TODO (task 14): the cached page, else load() once and store it

    async def lookup(
        self, org_id: int, name: str, params: dict[str, Any], member: int | None = None
    ) -> Lookup:
        """The page (and ``member``'s role) in one round trip; an empty ``Lookup`` if the cache
        is off or Redis is down (after replaying the bumps this process missed)."""
        return Lookup()  # TODO (task 14): LOOKUP in one round trip

    async def fill(self, found: Lookup, load: Load) -> str:
        """After a miss: load the page once and store it under ``found.key``."""
        return await load()  # TODO (task 14): load_once under the key, if there is one

    async def remember_role(self, found: Lookup, role: str) -> None:
        """Cache a member's role (read from PostgreSQL) in the generation ``found`` read before:
        a membership change after the read bumps the generation, and the entry is out of reach."""
        pass  # TODO (task 14): the role under the member's key, for member_ttl seconds

    async def load_once(self, key: str, load: Load) -> str:
        """One request (the lock's holder) loads and stores; the others wait for its page."""
        raise NotImplementedError("task 14: PageCache.load_once")

    async def invalidate(self, changes: list[Change]) -> None:
        """The ``after_commit`` listener: a new generation for every organisation changed."""
        raise NotImplementedError("task 14: PageCache.invalidate")

    async def replay(self) -> None:
        """``INCR`` the generations still pending; ``RedisUnavailableError`` if Redis is down."""
        raise NotImplementedError("task 14: PageCache.replay")

    async def count(self, outcome: str) -> None:
        """Count a lookup's outcome; add the counts to Redis at most once a ``flush_every``."""
        raise NotImplementedError("TODO: task 14: count here, flush at most once a flush_every")

    async def flush(self) -> None:
        raise NotImplementedError("task 14: PageCache.flush")

    async def stats(self) -> dict[str, int]:
        """Hits, misses and errors of every process (this one's flushed first);
        ``RedisUnavailableError`` while Redis is down."""
        raise NotImplementedError("task 14: PageCache.stats")


def prometheus_text(stats: dict[str, int], extra: Iterable[str] = ()) -> str:
    """The counters in Prometheus' text format."""
    raise NotImplementedError("task 14: prometheus_text")
