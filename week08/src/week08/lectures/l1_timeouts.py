"""L1: timeouts, one per phase of a request.

httpx has no timeout for a whole request; it has four, one per phase, each the longest *wait*
for progress in that phase:

- ``connect``: the TCP (and TLS) handshake. Fires when the host does not answer at all.
- ``write``: sending the request. Fires when the server stops reading (a large upload stalls).
- ``read``: waiting for the next bytes of the response. Fires when the server is slow to answer,
  or stops half-way through the body.
- ``pool``: waiting for a free connection from the client's pool (``httpx.Limits``). Fires when
  every connection is busy with other requests.

``httpx.Timeout(10.0, connect=3.0)`` sets read/write/pool to 10 s and connect to 3 s. The default
is 5 s for everything; ``timeout=None`` waits forever (never do that against the internet). Each
phase below is made to fail against a local server that is slow in exactly that phase.

Run: ``uv run python -m week08.lectures.l1_timeouts``
"""

import asyncio
import time

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from testkit.fake_upstream import Fault
from week08.lectures.servers import serve, silent_server, unaccepted_port

SHORT = 0.2  # seconds: long enough for loopback, short enough for a quick demo


async def ok(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


async def timed(client: httpx.AsyncClient, method: str, url: str, **kwargs: object) -> str:
    """The exception a request ends with (or "ok"), and how long it took."""
    started = time.perf_counter()
    try:
        await client.request(method, url, **kwargs)  # type: ignore[arg-type]
        outcome = "ok"
    except httpx.TimeoutException as exc:
        outcome = type(exc).__name__
    return f"{outcome} after {time.perf_counter() - started:.1f} s"


async def connect_phase() -> str:
    """Nobody completes the handshake: ConnectTimeout."""
    with unaccepted_port() as port:
        async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, connect=SHORT)) as client:
            return await timed(client, "GET", f"http://127.0.0.1:{port}/")


async def write_phase() -> str:
    """The server accepts and never reads: a 64 MB upload fills the buffers: WriteTimeout."""
    with silent_server() as port:
        async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, write=SHORT)) as client:
            body = b"x" * (64 * 1024 * 1024)
            return await timed(client, "POST", f"http://127.0.0.1:{port}/", content=body)


async def read_phase() -> str:
    """The server takes 2 s to start its answer: ReadTimeout."""
    with serve([Route("/", ok)]) as server:
        server.inject(Fault.delay(2.0))
        async with httpx.AsyncClient(timeout=httpx.Timeout(5.0, read=SHORT)) as client:
            return await timed(client, "GET", f"{server.url}/")


async def pool_phase() -> str:
    """One connection in the pool, held by a slow request: the second waits for it: PoolTimeout."""
    with serve([Route("/", ok)]) as server:
        server.inject(Fault.delay(1.0))
        limits = httpx.Limits(max_connections=1)
        timeout = httpx.Timeout(5.0, pool=SHORT)
        async with httpx.AsyncClient(timeout=timeout, limits=limits) as client:
            slow = asyncio.create_task(client.get(f"{server.url}/"))
            deadline = time.monotonic() + 5
            # Poll the server's log (another thread) until the slow request holds the connection.
            while not server.requests and time.monotonic() < deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            result = await timed(client, "GET", f"{server.url}/")
            slow.cancel()
            return result


async def demo() -> dict[str, str]:
    return {
        "connect": await connect_phase(),
        "write": await write_phase(),
        "read": await read_phase(),
        "pool": await pool_phase(),
    }


def main() -> None:
    for phase, outcome in asyncio.run(demo()).items():
        print(f"{phase:>7}: {outcome}")


if __name__ == "__main__":
    main()
