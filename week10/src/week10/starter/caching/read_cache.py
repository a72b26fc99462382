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

        raise NotImplementedError("TODO: epoch and generation, one MGET")

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
        raise NotImplementedError("TODO: hit, miss (once) or Redis down (load)")

    async def _read(self, key: str, adapter: TypeAdapter[T]) -> T | None:
        """The entry's value; None if absent or unreadable (then it is deleted)."""
        raise NotImplementedError("TODO: GET; absent -> None; unreadable -> delete it, None")

    async def _recompute_once(
        self, name: str, key: str, adapter: TypeAdapter[T], load: Load[T], ttl: int
    ) -> T:
        """One request (the lock's holder) loads and stores; the others wait for its value."""
        raise NotImplementedError("TODO: one holder fills (SET NX PX), the rest poll")

    async def _fill(
        self, name: str, key: str, adapter: TypeAdapter[T], load: Load[T], ttl: int
    ) -> T:
        """The lock holder's work: look again (double-checked), load, store if Redis lets us."""
        raise NotImplementedError("TODO: check again, load, store")

    async def _load(self, name: str, load: Load[T]) -> T:
        raise NotImplementedError("TODO: load, counting the recompute and its seconds")

    async def _release(self, key: str, token: str) -> None:
        raise NotImplementedError("TODO: RELEASE (only our token); no Redis: PX expires it")

    def invalidate(self) -> None:
        """Make every cached read of the owner stale once the request's transaction commits."""
        raise NotImplementedError("TODO: INCR the generation after the commit")

    async def _bump_generation(self) -> None:
        raise NotImplementedError("TODO: INCR the generation (write=True); no Redis: ignore")


async def forget_everything(redis: Redis) -> None:
    """The guard's recovery after missed writes: a new epoch, so no entry written before is used.
    (They expire by their TTL.)"""
    raise NotImplementedError("TODO: INCR the epoch")
