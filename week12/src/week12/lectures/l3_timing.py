"""Measure before optimising: request timing, a slow-request log, compression and ``gather``.

- ``timing`` middleware: every response carries ``Server-Timing: app;dur=<ms>`` (browsers' dev
  tools show it) and a request slower than ``slow_ms`` is logged with its method, path and time,
  so you find the slow endpoints from production data instead of guessing;
- ``GZipMiddleware(minimum_size=1000)``: large JSON compresses 5-10x; tiny responses are left
  alone (compressing 50 bytes costs CPU and saves nothing);
- ``/dashboard/sequential`` vs ``/dashboard/gathered``: two independent awaits (two upstream
  calls, stood in for by ``asyncio.sleep``) one after the other take the sum of their times;
  ``asyncio.gather`` takes the longest.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware

log = logging.getLogger("week12.slow_requests")

UPSTREAM_SECONDS = 0.2


async def fetch_profile() -> dict[str, str]:
    await asyncio.sleep(UPSTREAM_SECONDS)  # stands in for a call to another service
    return {"name": "ada"}


async def fetch_open_tasks() -> list[int]:
    await asyncio.sleep(UPSTREAM_SECONDS)
    return [1, 2, 3]


def create_app(slow_ms: float = 500.0) -> FastAPI:
    app = FastAPI()
    # Added last, so it runs first (outermost): it also times the compression.
    app.add_middleware(GZipMiddleware, minimum_size=1000)

    @app.middleware("http")
    async def timing(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()  # a monotonic clock: wall time jumps (NTP, DST)
        response = await call_next(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed_ms:.1f}"
        if elapsed_ms > slow_ms:
            log.warning(
                "slow request %s %s took %.0f ms",
                request.method,
                request.url.path,
                elapsed_ms,
                extra={"path": request.url.path, "duration_ms": elapsed_ms},
            )
        return response

    @app.get("/dashboard/sequential")
    async def sequential() -> dict[str, object]:
        profile = await fetch_profile()
        tasks = (
            await fetch_open_tasks()
        )  # waits for the first call although it needs nothing from it
        return {"profile": profile, "tasks": tasks}

    @app.get("/dashboard/gathered")
    async def gathered() -> dict[str, object]:
        profile, tasks = await asyncio.gather(fetch_profile(), fetch_open_tasks())
        return {"profile": profile, "tasks": tasks}

    @app.get("/report")
    async def report(rows: int = 10) -> list[dict[str, object]]:
        return [{"id": n, "title": f"task {n}", "done": n % 3 == 0} for n in range(min(rows, 5000))]

    return app
