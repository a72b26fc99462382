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

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter
from redis.asyncio import Redis

from ..after_commit import AfterCommit
from .guard import RedisGuard
from .metrics import CacheMetrics

T = TypeVar("T")
Load = Callable[[], Awaitable[T]]


@dataclass(frozen=True)
class CachePolicy:
    enabled: bool = True  # False: every read goes to the database (a baseline, a kill switch)
    ttl: int = 120  # seconds an entry lives without being invalidated
    lock_ms: int = 5000  # a crashed lock holder blocks the key at most this long
    wait: float = 2.0  # how long a request waits for another's recompute before doing it itself
    poll: float = 0.01  # how often a waiting request looks for the value


class ReadCache:
    """TODO (tasks 4 and 5): cache-aside for one owner's reads, as the module's docstring says.
    Write the helpers you need (read an entry, recompute once under a lock, release the lock
    only if it is still yours: a Lua script, lecture 2)."""

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
        raise NotImplementedError("TODO: epoch and generation in one MGET, then keys.entry")

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
        raise NotImplementedError("TODO: hit, miss (one recompute), or Redis down (load)")

    def invalidate(self) -> None:
        """Make every cached read of the owner stale once the request's transaction commits."""
        raise NotImplementedError("TODO: INCR the generation after the commit")


async def forget_everything(redis: Redis) -> None:
    """The guard's recovery after missed writes: a new epoch, so no entry written before is used.
    (They expire by their TTL.)"""
    raise NotImplementedError("TODO: INCR the epoch")
