"""L2: ``redis.asyncio`` in a FastAPI app: one connection pool per process, injected.

``redis.asyncio.Redis`` has the methods of the synchronous client, awaited, so a request waiting
for Redis lets the event loop serve others. It owns a **connection pool**: a command borrows a
connection, sends, reads the reply and gives the connection back. Opening a connection costs a
TCP handshake (plus TLS and ``AUTH`` in production); a pool pays that once per connection.

- Create **one client (one pool) per process**, in the app's lifespan, and close it at shutdown
  (``aclose()``); never one per request (``per_request`` below: a new connection for every
  request, and sockets left in ``TIME_WAIT`` by the thousand).
- **Inject it** with a dependency that reads it from ``app.state``: routes stay testable (a test
  app gets its own Redis) and nothing imports a global client at import time.
- **Bound the pool.** ``max_connections`` caps what one process may open (the server has a
  ``maxclients`` for all of them together). With the default ``ConnectionPool`` the next caller
  gets ``MaxConnectionsError`` at once; a ``BlockingConnectionPool`` makes it wait up to
  ``timeout`` for a free connection, which is what a web app under a burst wants.

Run: ``uv run python -m week10.lectures.l2_client``
"""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request
from redis.asyncio import BlockingConnectionPool, ConnectionPool, Redis
from redis.exceptions import MaxConnectionsError

from week10.lectures.servers import local_redis


def redis_pool(url: str, max_connections: int = 10) -> Redis:
    """The process's client: a bounded pool whose callers wait (up to 2 s) for a connection."""
    pool = BlockingConnectionPool.from_url(
        url, max_connections=max_connections, timeout=2, decode_responses=True
    )
    return Redis.from_pool(pool)  # the client owns the pool: aclose() closes both


def create_app(url: str) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.redis = redis_pool(url)  # once per process, at start-up
        try:
            yield
        finally:
            await app.state.redis.aclose()  # and closed at shutdown

    app = FastAPI(lifespan=lifespan)
    app.post("/visits/{page}")(count_visit)
    return app


async def get_redis(request: Request) -> Redis:
    redis: Redis = request.app.state.redis
    return redis


RedisDep = Annotated[Redis, Depends(get_redis)]


async def count_visit(page: str, redis: RedisDep) -> dict[str, int]:
    return {"visits": await redis.incr(f"visits:{page}")}


def create_app_with_a_client_per_request(url: str) -> FastAPI:
    """The mistake, for comparison: a new client (a new pool, a new connection) per request."""

    async def per_request() -> AsyncIterator[Redis]:
        redis = Redis.from_url(url, decode_responses=True)
        try:
            yield redis
        finally:
            await redis.aclose()

    app = FastAPI()

    @app.post("/visits/{page}")
    async def visit(page: str, redis: Annotated[Redis, Depends(per_request)]) -> dict[str, int]:
        return {"visits": await redis.incr(f"visits:{page}")}

    return app


async def connections_opened(url: str, app: FastAPI, requests: int, concurrency: int) -> int:
    """How many connections the server accepted while the app served ``requests`` requests."""
    limit = asyncio.Semaphore(concurrency)
    transport = httpx.ASGITransport(app=app)

    async def one(client: httpx.AsyncClient) -> None:
        async with limit:
            (await client.post("/visits/home")).raise_for_status()

    async with Redis.from_url(url) as admin:  # closed even if a request fails
        before = int((await admin.info("stats"))["total_connections_received"])
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://app") as client,
        ):
            await asyncio.gather(*(one(client) for _ in range(requests)))
        after = int((await admin.info("stats"))["total_connections_received"])
    return after - before


async def burst(redis: Redis, callers: int) -> list[str]:
    """``callers`` commands at once that each hold a connection for 50 ms (``BLPOP`` on an empty
    list waits); what each caller got."""

    async def one() -> str:
        try:
            await redis.blpop(["nothing"], timeout=0.05)
        except MaxConnectionsError:
            return "MaxConnectionsError"
        return "ok"

    return list(await asyncio.gather(*(one() for _ in range(callers))))


async def pool_limits(url: str) -> dict[str, list[str]]:
    failing = Redis.from_pool(ConnectionPool.from_url(url, max_connections=2))
    waiting = Redis.from_pool(BlockingConnectionPool.from_url(url, max_connections=2, timeout=2))
    try:
        return {
            "ConnectionPool": await burst(failing, 4),
            "BlockingConnectionPool": await burst(waiting, 4),
        }
    finally:
        await failing.aclose()
        await waiting.aclose()


async def demo(url: str) -> None:
    apps: dict[str, Callable[[str], FastAPI]] = {
        "one pool per process": create_app,
        "a client per request": create_app_with_a_client_per_request,
    }
    for name, factory in apps.items():
        opened = await connections_opened(url, factory(url), requests=100, concurrency=50)
        print(f"{name}: 100 requests, {opened} connections opened")
    for pool, results in (await pool_limits(url)).items():
        print(f"4 callers, pool of 2, {pool}: {results}")


def main() -> None:
    with local_redis() as url:
        asyncio.run(demo(url))


if __name__ == "__main__":
    main()
