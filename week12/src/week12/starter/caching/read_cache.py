"""``ReadCache``: cache-aside for one user's expensive reads (lecture 2), made safe to rely on.

``await cache.get_or_load("tasks.search", filters, TASKS, load)``:

1. the key: the owner's generation and the app's epoch (one ``MGET``), the query's digest;
2. a hit: the value, validated by the same Pydantic type that wrote it (``TypeAdapter``);
3. a miss: **one** request loads from the database and stores with a TTL, while concurrent
   requests for the same key wait for its value (the ``SET NX PX`` lock of lecture 2): an expired
   or invalidated popular query costs one database query, not one per waiting request;
4. every outcome counted (``CacheMetrics``);
5. **degradation**: if Redis cannot be used at any step, the request is served from the
   database; nothing is stored, nothing fails. An entry that cannot be read (a shape that
   changed, a corrupt value) is a miss, never a 500.

``invalidate()`` marks the owner's reads stale when the request's transaction commits: ``INCR`` of
the owner's generation, run *after* the commit (``AfterCommit``). Before it, a concurrent request
could still read the old rows and store them under the new generation.
"""

import asyncio
import contextlib
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from redis.asyncio import Redis

from ..after_commit import AfterCommit
from . import keys
from .guard import RedisGuard, RedisUnavailableError
from .metrics import CacheMetrics

T = TypeVar("T")
Load = Callable[[], Awaitable[T]]

# Delete the lock only if it is still ours: a holder slower than the lock's PX must not delete the
# lock of the next holder.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"""


@dataclass(frozen=True)
class CachePolicy:
    enabled: bool = True  # False: every read goes to the database (a baseline, a kill switch)
    ttl: int = 120  # seconds an entry lives without being invalidated
    lock_ms: int = 5000  # a crashed lock holder blocks the key at most this long
    wait: float = 2.0  # how long a request waits for another's recompute before doing it itself
    poll: float = 0.01  # how often a waiting request looks for the value


class ReadCache:
    def __init__(
        self,
        guard: RedisGuard,
        metrics: CacheMetrics,
        after_commit: AfterCommit,
        owner_id: int,
        policy: CachePolicy = CachePolicy(),
    ) -> None:
        self.guard = guard
        self.metrics = metrics
        self.after_commit = after_commit
        self.owner_id = owner_id
        self.policy = policy

    async def key(self, name: str, params: BaseModel | dict[str, Any]) -> str:
        """The entry's key for the owner's current generation and the app's epoch."""

        async def read(redis: Redis) -> list[Any]:
            return await redis.mget(keys.EPOCH, keys.owner_generation(self.owner_id))

        epoch, generation = await self.guard(read)
        return keys.entry(
            int(epoch or 0), self.owner_id, int(generation or 0), name, keys.digest(params)
        )

    async def get_or_load(
        self,
        name: str,
        params: BaseModel | dict[str, Any],
        adapter: TypeAdapter[T],
        load: Load[T],
        ttl: int | None = None,
    ) -> T:
        """The cached value of the query ``name`` with ``params``, loaded by ``load`` on a miss and
        kept ``ttl`` seconds (default: the policy's)."""
        if not self.policy.enabled:
            return await load()
        try:
            key = await self.key(name, params)
            cached = await self._read(key, adapter)
        except RedisUnavailableError:
            await self.metrics.record(name, errors=1)
            return await load()  # degraded: straight to the database
        if cached is not None:
            await self.metrics.record(name, hits=1)
            return cached
        await self.metrics.record(name, misses=1)
        return await self._recompute_once(name, key, adapter, load, ttl or self.policy.ttl)

    async def _read(self, key: str, adapter: TypeAdapter[T]) -> T | None:
        """The entry's value; None if absent or unreadable (then it is deleted)."""
        raw = await self.guard(lambda redis: redis.get(key))
        if raw is None:
            return None
        try:
            return adapter.validate_json(raw)
        except ValidationError:
            await self.guard(lambda redis: redis.delete(key))
            return None

    async def _recompute_once(
        self, name: str, key: str, adapter: TypeAdapter[T], load: Load[T], ttl: int
    ) -> T:
        """One request (the lock's holder) loads and stores; the others wait for its value."""
        token = secrets.token_hex(16)
        try:
            locked = await self.guard(
                lambda redis: redis.set(keys.lock(key), token, nx=True, px=self.policy.lock_ms)
            )
        except RedisUnavailableError:
            return await load()
        if locked:
            try:
                return await self._fill(name, key, adapter, load, ttl)
            finally:
                await self._release(key, token)
        deadline = time.monotonic() + self.policy.wait
        while time.monotonic() < deadline:
            await asyncio.sleep(self.policy.poll)
            try:
                if (cached := await self._read(key, adapter)) is not None:
                    return cached
                if not await self.guard(lambda redis: redis.exists(keys.lock(key))):
                    return await self._recompute_once(name, key, adapter, load, ttl)  # holder gone
            except RedisUnavailableError:
                break
        return await load()  # the holder is too slow, or Redis went away: serve from the database

    async def _fill(
        self, name: str, key: str, adapter: TypeAdapter[T], load: Load[T], ttl: int
    ) -> T:
        """The lock holder's work: look again (double-checked), load, store if Redis lets us."""
        try:
            if (cached := await self._read(key, adapter)) is not None:
                return cached
        except RedisUnavailableError:
            return await load()
        value = await self._load(name, load)
        with contextlib.suppress(RedisUnavailableError):
            await self.guard(lambda redis: redis.set(key, adapter.dump_json(value), ex=ttl))
        return value

    async def _load(self, name: str, load: Load[T]) -> T:
        started = time.perf_counter()
        value = await load()
        await self.metrics.record(
            name, recomputes=1, recompute_seconds=time.perf_counter() - started
        )
        return value

    async def _release(self, key: str, token: str) -> None:
        with contextlib.suppress(RedisUnavailableError):  # if not, the lock expires by itself (PX)
            await self.guard(lambda redis: redis.eval(RELEASE, 1, keys.lock(key), token))

    def invalidate(self) -> None:
        """Make every cached read of the owner stale once the request's transaction commits."""
        self.after_commit.add(f"invalidate owner {self.owner_id}", self._bump_generation)

    async def _bump_generation(self) -> None:
        # If Redis is down, the guard remembers the missed write and recovers when it is back.
        with contextlib.suppress(RedisUnavailableError):
            await self.guard(
                lambda redis: redis.incr(keys.owner_generation(self.owner_id)), write=True
            )


async def forget_everything(redis: Redis) -> None:
    """The guard's recovery after missed writes: a new epoch, so no entry written before is used.
    (They expire by their TTL.)"""
    await redis.incr(keys.EPOCH)
