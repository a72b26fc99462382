"""L1: one shared ``AsyncClient`` (a connection pool) vs a client per request, measured.

An ``httpx.AsyncClient`` owns a pool of keep-alive connections. Reuse it and the second request
to a host skips the TCP handshake (and, over HTTPS, the TLS handshake: one or two round trips to
another continent, every time). A client per request also pays for building the client: loading
the system's CA certificates alone takes milliseconds. So: make one client per upstream at start-up
(FastAPI's lifespan), share it, close it at shutdown. ``httpx.Limits`` bounds the pool
(``max_connections``, ``max_keepalive_connections``) so a burst cannot open a thousand sockets.

The server below records the client port of each request: one port is one TCP connection.

Run: ``uv run python -m week08.lectures.l1_pooling``
"""

import asyncio
import time
from dataclasses import dataclass

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from week08.lectures.servers import serve

PORTS: list[int] = []


async def ping(request: Request) -> JSONResponse:
    if request.client:
        PORTS.append(request.client.port)  # the client's end of the TCP connection
    return JSONResponse({"ok": True})


@dataclass
class Run:
    requests: int
    connections: int
    seconds: float


async def shared_client(url: str, requests: int) -> Run:
    PORTS.clear()
    started = time.perf_counter()
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=10)) as client:
        for _ in range(requests):
            (await client.get(url)).raise_for_status()
    return Run(requests, len(set(PORTS)), time.perf_counter() - started)


async def client_per_request(url: str, requests: int) -> Run:
    PORTS.clear()
    started = time.perf_counter()
    for _ in range(requests):
        async with httpx.AsyncClient() as client:  # a new pool, a new connection, every time
            (await client.get(url)).raise_for_status()
    return Run(requests, len(set(PORTS)), time.perf_counter() - started)


async def concurrent_burst(url: str, requests: int, max_connections: int) -> Run:
    """``requests`` at once through a pool of ``max_connections``: they queue for connections."""
    PORTS.clear()
    started = time.perf_counter()
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=max_connections)) as client:
        await asyncio.gather(*(client.get(url) for _ in range(requests)))
    return Run(requests, len(set(PORTS)), time.perf_counter() - started)


async def demo(requests: int = 20) -> dict[str, Run]:
    with serve([Route("/ping", ping)]) as server:
        url = f"{server.url}/ping"
        return {
            "shared client": await shared_client(url, requests),
            "client per request": await client_per_request(url, requests),
            "burst, pool of 4": await concurrent_burst(url, requests, max_connections=4),
        }


def main() -> None:
    for name, run in asyncio.run(demo()).items():
        print(f"{name:>18}: {run.requests} requests, {run.connections} connection(s), "
              f"{run.seconds * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
