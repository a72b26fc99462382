"""L2: connection pooling - pool_size, max_overflow, pool_timeout, pool_recycle, pool_pre_ping.

Opening a PostgreSQL connection costs a process fork on the server and several round trips: an
app keeps a *pool* of open connections and lends one to each request for the duration of its
transaction. ``create_async_engine`` pools by default (``AsyncAdaptedQueuePool``):

- ``pool_size`` (5): connections kept open;
- ``max_overflow`` (10): extra connections opened under load and closed when returned;
- ``pool_timeout`` (30 s): how long a checkout waits when all ``pool_size + max_overflow`` are
  lent out, then raises ``sqlalchemy.exc.TimeoutError`` (the app answers 503, not hangs);
- ``pool_recycle`` (-1, off): replace connections older than N seconds (proxies and load
  balancers silently drop idle connections after a while);
- ``pool_pre_ping`` (off): test a connection with a cheap ping on checkout and replace it if the
  server closed it (restart, failover, ``pg_terminate_backend``).

Sizing: the server's ``max_connections`` (100 by default) is shared by every process of every
app: 4 workers x (10 + 10) = 80 already. Requests should hold a connection only for the
transaction, never while waiting on an HTTP call. ``NullPool`` (no pooling) suits one-off scripts,
migrations and setups with an external pooler such as PgBouncer.

Run: ``uv run python -m week07.lectures.l2_pooling``
"""

from __future__ import annotations

import asyncio

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, TimeoutError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from testkit.db import async_url
from week07.lectures.demo_db import demo_database


async def backend_pid(conn: AsyncConnection) -> int:
    """The server process serving this connection: a new pid means a new connection."""
    return int((await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one())


POOL_SIZE, MAX_OVERFLOW = 2, 1


def small_pool(url: str, timeout: float = 0.2) -> AsyncEngine:
    """At most 2 + 1 connections; a checkout waits ``timeout`` seconds for one, then fails."""
    return create_async_engine(
        async_url(url), pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_timeout=timeout
    )


async def exhaust(engine: AsyncEngine) -> str:
    """Hold every connection the pool may open, then ask for one more."""
    held = [await engine.connect() for _ in range(POOL_SIZE + MAX_OVERFLOW)]
    try:
        async with engine.connect():
            return "got a connection"
    except TimeoutError as exc:
        return f"TimeoutError: {str(exc).split('(Background')[0].strip()}"
    finally:
        for conn in held:
            await conn.close()


async def terminate(url: str, pid: int) -> None:
    """What a server restart does to a pooled connection: kill its server process (and wait up
    to 5 s until it is gone: PostgreSQL 14+ takes a timeout in milliseconds)."""
    admin = create_async_engine(async_url(url))
    async with admin.connect() as conn:
        await conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    await admin.dispose()


async def after_server_killed_it(url: str, *, pre_ping: bool) -> str:
    """Use a pooled connection whose server process died: an error, or a transparent reconnect."""
    engine = create_async_engine(async_url(url), pool_size=1, pool_pre_ping=pre_ping)
    try:
        async with engine.connect() as conn:
            first = await backend_pid(conn)
        await terminate(url, first)  # the connection is back in the pool, and dead
        try:
            async with engine.connect() as conn:
                second = await backend_pid(conn)
        except DBAPIError as exc:
            # The driver's error varies with the moment it notices the closed socket; what
            # matters: SQLAlchemy saw a dead connection and discarded it from the pool.
            return f"error, connection invalidated: {exc.connection_invalidated}"
        return f"reconnected: pid {first} -> {second}"
    finally:
        await engine.dispose()


async def pids_with_recycle(url: str, recycle: int) -> list[int]:
    """Backend pids of three checkouts in a row (``pool_recycle=0``: every checkout is too old)."""
    engine = create_async_engine(async_url(url), pool_size=1, pool_recycle=recycle)
    pids = []
    try:
        for _ in range(3):
            async with engine.connect() as conn:
                pids.append(await backend_pid(conn))
    finally:
        await engine.dispose()
    return pids


async def demo(url: str) -> None:
    small = small_pool(url)
    print("pool of 2 + 1 overflow, 4th checkout:", await exhaust(small))
    print("status after:", small.pool.status())
    await small.dispose()
    print("without pre-ping:", await after_server_killed_it(url, pre_ping=False))
    print("with pre-ping:   ", await after_server_killed_it(url, pre_ping=True))
    print("pool_recycle=-1 pids:", await pids_with_recycle(url, -1))
    print("pool_recycle=0 pids: ", await pids_with_recycle(url, 0))


def main() -> None:
    with demo_database() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
