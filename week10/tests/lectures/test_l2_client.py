import asyncio
import time

import httpx
from redis.asyncio import Redis
from week10.lectures import l2_client as lecture


async def test_one_pool_per_process_reuses_a_few_connections(own_redis_url: str) -> None:
    opened = await lecture.connections_opened(
        own_redis_url, lecture.create_app(own_redis_url), requests=60, concurrency=20
    )  # twice as many callers as connections; not more, or the last ones wait past the 2 s
    assert 1 <= opened <= 10  # the pool's max_connections, however many requests


async def test_a_client_per_request_opens_a_connection_per_request(redis_url: str) -> None:
    app = lecture.create_app_with_a_client_per_request(redis_url)
    assert await lecture.connections_opened(redis_url, app, requests=30, concurrency=10) >= 30


async def test_the_client_comes_from_the_lifespan_and_the_dependency(own_redis_url: str) -> None:
    app = lecture.create_app(own_redis_url)
    transport = httpx.ASGITransport(app=app)
    async with Redis.from_url(own_redis_url) as redis:  # CLIENT LIST counts the server's clients
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://app") as client,
        ):
            assert isinstance(app.state.redis, Redis)
            assert (await client.post("/visits/home")).json() == {"visits": 1}
            assert (await client.post("/visits/home")).json() == {"visits": 2}
            assert len(await redis.client_list()) == 2  # this test's client and the app's pool
        deadline = time.monotonic() + 5
        while len(await redis.client_list()) > 1:  # the shutdown closed the pool's connection
            assert time.monotonic() < deadline, "the app's connection is still open"
            await asyncio.sleep(0.01)


async def test_a_full_pool_fails_at_once_or_makes_callers_wait(redis_url: str) -> None:
    results = await lecture.pool_limits(redis_url)
    assert sorted(results["ConnectionPool"]) == ["MaxConnectionsError"] * 2 + ["ok"] * 2
    assert results["BlockingConnectionPool"] == ["ok"] * 4
