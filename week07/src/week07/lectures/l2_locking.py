"""L2: optimistic vs pessimistic locking, and SKIP LOCKED for a work queue.

Two requests read the same row, both change it, both write: the second write silently undoes
the first (a *lost update*). READ COMMITTED, PostgreSQL's default, does not prevent it. Two cures:

- **Optimistic** (assume conflicts are rare; detect them): a ``version`` column; every UPDATE says
  ``WHERE id = :id AND version = :read_version`` and bumps it. Zero rows updated means someone
  else changed the row since you read it: refuse, and let the client re-read and retry.
  SQLAlchemy does it for you with ``__mapper_args__ = {"version_id_col": version}`` and raises
  ``StaleDataError``. No lock is held between read and write, so it suits HTTP (a user may keep
  an edit form open for minutes): week 7's project sends the version as an ``ETag``.
- **Pessimistic** (assume conflicts; prevent them): ``SELECT ... FOR UPDATE`` locks the rows
  until the transaction ends; a second ``FOR UPDATE`` waits (or fails at once with ``NOWAIT``).
  Right for short, contended, in-transaction work: counters, balances, stock.
- **SKIP LOCKED** turns a table into a work queue: each worker claims rows no one else holds,
  ``SELECT ... FOR UPDATE SKIP LOCKED LIMIT n``, never waiting for the others.

The demos use two real connections; their order is fixed by ``await`` and by polling the
server until the second session is seen waiting for the lock (no sleeps, no timing).

Run: ``uv run python -m week07.lectures.l2_locking``
"""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import String, insert, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.exc import StaleDataError

from week07.lectures.demo_db import demo_database, scratch_engine


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column()
    # SQLAlchemy adds "AND version = <loaded>" to every UPDATE and sets version + 1.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads a dict)


SETUP = [
    "CREATE TABLE counters (name text PRIMARY KEY, value int NOT NULL)",
    "INSERT INTO counters VALUES ('visits', 0)",
    "CREATE TABLE jobs (id int PRIMARY KEY, claimed_by text)",
    "INSERT INTO jobs SELECT i, NULL FROM generate_series(1, 6) AS i",
]


async def setup(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
        await conn.execute(insert(Document).values(id=1, title="draft", version=1))
        for statement in SETUP:
            await conn.execute(text(statement))


# --- optimistic ---------------------------------------------------------------------------


async def optimistic_conflict(engine: AsyncEngine) -> str:
    """Alice and Bob load version 1; Alice saves first; Bob's save is refused."""
    # expire_on_commit=False, as in a web app: the objects keep what was read (version 1). With
    # expiry, Bob's object would re-load the row before the write and the conflict would vanish.
    alice = AsyncSession(engine, expire_on_commit=False)
    bob = AsyncSession(engine, expire_on_commit=False)
    async with alice, bob:
        alices = await alice.get_one(Document, 1)
        bobs = await bob.get_one(Document, 1)
        await alice.commit()  # end the read transactions: nothing is held between read and write
        await bob.commit()
        alices.title = "Alice's title"
        await alice.commit()  # UPDATE ... SET version=2 WHERE id=1 AND version=1: one row
        bobs.title = "Bob's title"
        try:
            await bob.commit()  # ... WHERE id=1 AND version=1: zero rows -> StaleDataError
        except StaleDataError:
            await bob.rollback()
            return f"Bob refused; stored: {alices.title!r} version {alices.version}"
    return "Bob overwrote Alice"  # pragma: no cover - what the version column prevents


async def update_if_version(conn: AsyncConnection, doc_id: int, title: str, version: int) -> bool:
    """The same by hand: compare-and-set in one UPDATE; False when the version moved on."""
    result = await conn.execute(
        update(Document)
        .where(Document.id == doc_id, Document.version == version)
        .values(title=title, version=Document.version + 1)
    )
    return result.rowcount == 1


# --- pessimistic ----------------------------------------------------------------------------


READ = "SELECT value FROM counters WHERE name = 'visits'"
READ_AND_LOCK = "SELECT value FROM counters WHERE name = 'visits' FOR UPDATE"


async def read_counter(conn: AsyncConnection, lock: bool) -> int:
    query = text(READ_AND_LOCK if lock else READ)
    return int((await conn.execute(query)).scalar_one())


async def write_counter(conn: AsyncConnection, value: int) -> None:
    await conn.execute(text("UPDATE counters SET value = :v WHERE name = 'visits'"), {"v": value})


async def lost_update(engine: AsyncEngine) -> int:
    """Read-modify-write without a lock, interleaved: both read 0, both write 1."""
    async with engine.connect() as a, engine.connect() as b:
        seen_a, seen_b = await read_counter(a, lock=False), await read_counter(b, lock=False)
        await write_counter(a, seen_a + 1)
        await a.commit()
        await write_counter(b, seen_b + 1)
        await b.commit()
        return await read_counter(a, lock=False)


async def wait_until_blocked(engine: AsyncEngine, pid: int, deadline: float = 10.0) -> None:
    """Poll the server until backend ``pid`` waits for a lock (a deadline, not a sleep)."""
    query = text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid")
    give_up = time.monotonic() + deadline
    async with engine.connect() as observer:
        while (await observer.execute(query, {"pid": pid})).scalar_one_or_none() != "Lock":
            await observer.rollback()  # a fresh snapshot of pg_stat_activity each time
            if time.monotonic() > give_up:
                raise TimeoutError(f"backend {pid} never waited for a lock")


async def locked_increments(engine: AsyncEngine) -> tuple[list[str], int]:
    """A locks the row; B's FOR UPDATE waits until A commits, then reads A's value."""
    events: list[str] = []
    async with engine.connect() as a, engine.connect() as b:
        b_pid = int((await b.execute(text("SELECT pg_backend_pid()"))).scalar_one())
        value_a = await read_counter(a, lock=True)
        events.append("A locked")

        async def b_increments() -> None:
            value_b = await read_counter(b, lock=True)  # blocks while A holds the lock
            events.append(f"B read {value_b}")
            await write_counter(b, value_b + 1)
            await b.commit()

        b_task = asyncio.create_task(b_increments())
        await wait_until_blocked(engine, b_pid)
        events.append("B waits")
        await write_counter(a, value_a + 1)
        # Logged before the await: once COMMIT reaches the server, B may run before we resume.
        events.append("A commits")
        await a.commit()
        await b_task
        return events, await read_counter(a, lock=False)


async def nowait(engine: AsyncEngine) -> str:
    """``FOR UPDATE NOWAIT`` on a locked row fails at once instead of waiting."""
    async with engine.connect() as a, engine.connect() as b:
        await read_counter(a, lock=True)
        try:
            await b.execute(text("SELECT value FROM counters FOR UPDATE NOWAIT"))
        except DBAPIError as exc:
            return str(exc.orig).split("\n")[0]
    return "no error"  # pragma: no cover


# --- SKIP LOCKED ------------------------------------------------------------------------------

CLAIM = text(
    "UPDATE jobs SET claimed_by = :worker WHERE id IN ("
    "  SELECT id FROM jobs WHERE claimed_by IS NULL ORDER BY id"
    "  LIMIT :n FOR UPDATE SKIP LOCKED"
    ") RETURNING id"
)


async def claim(conn: AsyncConnection, worker: str, n: int) -> list[int]:
    return sorted((await conn.execute(CLAIM, {"worker": worker, "n": n})).scalars())


async def two_workers(engine: AsyncEngine) -> tuple[list[int], list[int]]:
    """Worker 1 claims 3 jobs (its transaction still open); worker 2 skips them, takes others."""
    async with engine.connect() as one, engine.connect() as two:
        first = await claim(one, "worker-1", 3)
        second = await claim(two, "worker-2", 3)  # does not wait for worker 1
        await one.rollback()
        await two.rollback()
    return first, second


async def demo(url: str) -> None:
    async with scratch_engine(url) as engine:
        await setup(engine)
        print("optimistic:", await optimistic_conflict(engine))
        async with engine.begin() as conn:
            print("compare-and-set with version 1:", await update_if_version(conn, 1, "x", 1))
        print("two unlocked increments give:", await lost_update(engine))
        events, value = await locked_increments(engine)
        print("two FOR UPDATE increments:", " -> ".join(events), f"-> value {value} (+2)")
        print("NOWAIT:", await nowait(engine))
        print("SKIP LOCKED, two workers:", await two_workers(engine))


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
