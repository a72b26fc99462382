"""L2: cache-aside, serialised with Pydantic, invalidated by time and by event, with versioned keys.

**Cache-aside** (lazy loading): the application asks the cache first; on a *hit* it answers from
there, on a *miss* it loads from the database and stores the result with a TTL. The cache holds
only what somebody asked for, and losing it costs speed, never data.

**Serialisation.** Redis stores bytes. Store JSON made by the same Pydantic models the API uses
(``model_dump_json`` / ``model_validate_json``; ``TypeAdapter(list[Task])`` for a list): dates,
decimals and enums round-trip with their types, and reading validates. Never ``pickle``: whoever
can write to the cache could make your process run code, and a class that changes breaks reads.

**Invalidation**, two ways together:

- by **time**: every entry has a TTL, the longest staleness you accept (and the cap on the damage
  of a forgotten invalidation);
- by **event**: a write deletes what it changed, right *after* the database write (delete, do not
  update: two writers updating the cache could leave the older value last).

**Key design.** ``<app>:<version>:<entity>:<id>...``: a namespace per app (one Redis serves many),
a version bumped when the cached shape changes (a deploy never reads old shapes), and query
parameters as a short digest of their canonical JSON (no ``:`` or spaces from user input in keys).
A list has many variants (filters, sort, page): to drop them all at once, put a **generation** in
their key (``...:owner:7:g3:list:<digest>``). A write ``INCR``s the owner's generation: every old
key is unreachable at once, and expires by its TTL; no ``SCAN`` + ``DEL`` hunt.

Run: ``uv run python -m week10.lectures.l2_cache_aside``
"""

import asyncio
import hashlib
import json
from datetime import UTC, datetime

from pydantic import BaseModel, TypeAdapter
from redis.asyncio import Redis

from week10.lectures.servers import local_redis

PREFIX = "lecture:v1"  # the app's namespace and the version of what it stores


class Task(BaseModel):
    id: int
    owner_id: int
    title: str
    done: bool = False
    updated_at: datetime


TASKS = TypeAdapter(list[Task])


class Database:
    """The source of truth (a dict here; PostgreSQL in the project), counting its queries."""

    def __init__(self, tasks: list[Task]) -> None:
        self.rows = {task.id: task for task in tasks}
        self.queries = 0

    async def get(self, task_id: int) -> Task | None:
        self.queries += 1
        return self.rows.get(task_id)

    async def list(self, owner_id: int, done: bool | None) -> list[Task]:
        self.queries += 1
        return [
            task
            for task in self.rows.values()
            if task.owner_id == owner_id and (done is None or task.done == done)
        ]

    async def save(self, task: Task) -> None:
        self.rows[task.id] = task


def digest(params: dict[str, object]) -> str:
    """A short, stable name for a set of query parameters (the same filters, the same key)."""
    canonical = json.dumps(params, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def task_key(task_id: int) -> str:
    return f"{PREFIX}:task:{task_id}"


def generation_key(owner_id: int) -> str:
    return f"{PREFIX}:owner:{owner_id}:generation"


class CachedTasks:
    def __init__(self, redis: Redis, db: Database, ttl: int = 60) -> None:
        self.redis, self.db, self.ttl = redis, db, ttl

    async def get(self, task_id: int) -> Task | None:
        key = task_key(task_id)
        if (cached := await self.redis.get(key)) is not None:  # GET lecture:v1:task:1
            return Task.model_validate_json(cached)  # hit
        task = await self.db.get(task_id)  # miss: the database answers
        if task is not None:
            await self.redis.set(key, task.model_dump_json(), ex=self.ttl)  # SET ... EX 60
        return task

    async def list_key(self, owner_id: int, done: bool | None) -> str:
        generation = int(await self.redis.get(generation_key(owner_id)) or 0)
        return f"{PREFIX}:owner:{owner_id}:g{generation}:list:{digest({'done': done})}"

    async def list(self, owner_id: int, done: bool | None = None) -> list[Task]:
        key = await self.list_key(owner_id, done)
        if (cached := await self.redis.get(key)) is not None:
            return TASKS.validate_json(cached)
        tasks = await self.db.list(owner_id, done)
        await self.redis.set(key, TASKS.dump_json(tasks), ex=self.ttl)
        return tasks

    async def save(self, task: Task) -> None:
        await self.db.save(task)  # 1. the source of truth
        async with self.redis.pipeline(transaction=True) as pipe:  # 2. then what it invalidates
            pipe.delete(task_key(task.id))  # DEL lecture:v1:task:1
            pipe.incr(generation_key(task.owner_id))  # INCR: every list of the owner at once
            await pipe.execute()


def sample() -> list[Task]:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    return [
        Task(id=1, owner_id=7, title="Write the report", updated_at=now),
        Task(id=2, owner_id=7, title="Book the room", done=True, updated_at=now),
        Task(id=3, owner_id=8, title="Someone else's", updated_at=now),
    ]


def title(task: Task | None) -> str:
    return "not found" if task is None else task.title


async def demo(redis: Redis) -> list[str]:
    """Reads and writes through the cache; each line says how many queries reached the database."""
    db = Database(sample())
    cache = CachedTasks(redis, db)
    log: list[str] = []
    counted = 0

    def note(what: str, result: str) -> None:
        nonlocal counted
        log.append(f"{what}: {db.queries - counted} queries -> {result}")
        counted = db.queries

    note("get 1", title(await cache.get(1)))
    note("get 1 again", title(await cache.get(1)))
    log.append("stored as: " + str(await redis.get(task_key(1))))
    later = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    await cache.save(Task(id=1, owner_id=7, title="Write the final report", updated_at=later))
    note("get 1 after a write", title(await cache.get(1)))
    for done in (None, True, False):
        note(f"list done={done}", f"{len(await cache.list(7, done))} tasks")
    for done in (None, True, False):
        note(f"list done={done} again", f"{len(await cache.list(7, done))} tasks")
    await cache.save(Task(id=4, owner_id=7, title="New", updated_at=later))
    note("list done=None after a new task", f"{len(await cache.list(7))} tasks")
    note("list done=False after a new task", f"{len(await cache.list(7, False))} tasks")
    log.append(f"a list key: {await cache.list_key(7, None)}")
    log.append(f"TTL of an entry: {await redis.ttl(task_key(1))} s")
    return log


async def run(url: str) -> list[str]:
    redis = Redis.from_url(url, decode_responses=True)
    try:
        return await demo(redis)
    finally:
        await redis.aclose()


def main() -> None:
    with local_redis() as url:
        print("\n".join(asyncio.run(run(url))))


if __name__ == "__main__":
    main()
